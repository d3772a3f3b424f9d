using System.Runtime.InteropServices;

namespace RegimenLang.Fuzz;

/// <summary>
/// The CPU time of the calling thread. A slow input is judged by the time its own thread worked, not by the
/// wall clock: on a shared two-core machine other builds and benchmarks take the cores for whole seconds,
/// and a wall-clock limit of 100 ms would then report noise. The garbage collector of a workstation
/// (non-concurrent, as this project sets it) collects on the allocating thread, so allocation is counted.
/// Where the thread clock is not available (not Linux), the process's CPU time stands in.
/// </summary>
public static partial class ThreadClock
{
    private const int ClockThreadCpuTime = 3; // CLOCK_THREAD_CPUTIME_ID

    [StructLayout(LayoutKind.Sequential)]
    private struct TimeSpec
    {
        public long Seconds;
        public long Nanoseconds;
    }

    [LibraryImport("libc", EntryPoint = "clock_gettime")]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static partial int ClockGetTime(int clock, out TimeSpec time);

    private static readonly bool s_available = OperatingSystem.IsLinux() && Probe();

    private static bool Probe()
    {
        try
        {
            return ClockGetTime(ClockThreadCpuTime, out _) == 0;
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            return false;
        }
    }

    /// <summary>The CPU time used so far by this thread (or by the process, where that is all there is).</summary>
    public static TimeSpan Now()
    {
        if (s_available && ClockGetTime(ClockThreadCpuTime, out var time) == 0)
        {
            return TimeSpan.FromTicks(time.Seconds * TimeSpan.TicksPerSecond + time.Nanoseconds / 100);
        }
        return Environment.CpuUsage.TotalTime;
    }
}
