using System.Runtime.InteropServices;

namespace RegimenLang.Workspace;

/// <summary>
/// The disk. It reads regular files only: a folder, a pipe or a device named where a file belongs is a
/// problem in words, never a hang (a pipe) or an endless read (/dev/zero); at most the allowed number of
/// bytes is read whatever size the file claims; folders are searched without following links to folders,
/// so a link loop cannot make a search run for ever.
/// </summary>
public sealed partial class PhysicalFileSystem : IFileSystem
{
    public static readonly PhysicalFileSystem Instance = new();

    public FileReading Read(string path, long maxBytes)
    {
        switch (KindOf(path))
        {
            case EntryKind.Missing:
                return FileReading.Failed(FileProblemKind.Missing, "no such file");
            case EntryKind.Folder:
                return FileReading.Failed(FileProblemKind.Folder, "it is a folder, not a file");
            case EntryKind.Other:
                return FileReading.Failed(FileProblemKind.NotARegularFile, "it is not a regular file (a pipe, a socket or a device)");
        }
        try
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, 1, FileOptions.SequentialScan);
            long claimed = stream.CanSeek ? stream.Length : -1;
            if (claimed > maxBytes)
            {
                return FileReading.Failed(FileProblemKind.TooLarge, $"it is {claimed:N0} bytes, more than {maxBytes:N0}", claimed);
            }
            // Read at most one byte more than allowed: the claimed size may be wrong (a file still growing).
            var buffer = new byte[(int)Math.Min(maxBytes + 1, claimed >= 0 ? claimed + 1 : maxBytes + 1)];
            int total = 0, read;
            while (total < buffer.Length && (read = stream.Read(buffer, total, buffer.Length - total)) > 0)
            {
                total += read;
                if (total == buffer.Length && total <= maxBytes)
                {
                    Array.Resize(ref buffer, (int)Math.Min(maxBytes + 1, (long)buffer.Length * 2));
                }
            }
            if (total > maxBytes)
            {
                return FileReading.Failed(FileProblemKind.TooLarge, $"it is more than {maxBytes:N0} bytes", total);
            }
            Array.Resize(ref buffer, total);
            return FileReading.Of(buffer);
        }
        catch (UnauthorizedAccessException)
        {
            return FileReading.Failed(FileProblemKind.Denied, "permission denied");
        }
        catch (Exception e) when (e is IOException or System.Security.SecurityException)
        {
            return FileReading.Failed(FileProblemKind.Unreadable, e is FileNotFoundException or DirectoryNotFoundException ? "no such file" : e.Message);
        }
    }

    public bool IsFile(string path) => KindOf(path) == EntryKind.File;

    public bool IsDirectory(string path) => KindOf(path) == EntryKind.Folder;

    public IEnumerable<string> FindFiles(string folder, string extension)
    {
        var options = new EnumerationOptions
        {
            RecurseSubdirectories = false,
            IgnoreInaccessible = true,
            AttributesToSkip = 0,
            MatchType = MatchType.Simple,
        };
        var pending = new Stack<string>();
        pending.Push(folder);
        var found = new List<string>();
        while (pending.Count > 0)
        {
            string current = pending.Pop();
            IEnumerable<FileSystemInfo> entries;
            try
            {
                entries = new DirectoryInfo(current).EnumerateFileSystemInfos("*", options).ToList();
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or System.Security.SecurityException)
            {
                continue;
            }
            foreach (var entry in entries)
            {
                bool link = entry.Attributes.HasFlag(FileAttributes.ReparsePoint);
                if (entry is DirectoryInfo)
                {
                    if (!link)
                    {
                        pending.Push(entry.FullName.Length > current.Length ? Path.Combine(current, entry.Name) : entry.FullName);
                    }
                }
                else if (entry.Name.EndsWith(extension, StringComparison.Ordinal))
                {
                    string path = Path.Combine(current, entry.Name);
                    if (KindOf(path) == EntryKind.File)
                    {
                        found.Add(path);
                    }
                }
            }
        }
        return found;
    }

    public string? WriteAtomically(string path, string text)
    {
        try
        {
            // A symbolic link stays a link: the file it points to is the one rewritten.
            string target = new FileInfo(path).LinkTarget is null ? path : File.ResolveLinkTarget(path, returnFinalTarget: true)?.FullName ?? path;
            AtomicFile.WriteAllText(target, text);
            return null;
        }
        catch (DirectoryNotFoundException)
        {
            string folder = Path.GetDirectoryName(path) is { Length: > 0 } parent ? parent : ".";
            return $"the folder {folder} does not exist";
        }
        catch (UnauthorizedAccessException)
        {
            return "permission denied";
        }
        catch (IOException e)
        {
            return e.Message;
        }
    }

    private enum EntryKind
    {
        Missing,
        File,
        Folder,
        Other,
    }

    /// <summary>What a path names, following links: a regular file, a folder, something else (a pipe, a device), or nothing.</summary>
    private static EntryKind KindOf(string path)
    {
        if (OperatingSystem.IsLinux() && StatxMode(path) is { } mode)
        {
            return (mode & 0xF000) switch
            {
                0x8000 => EntryKind.File,
                0x4000 => EntryKind.Folder,
                _ => EntryKind.Other,
            };
        }
        if (Directory.Exists(path))
        {
            return EntryKind.Folder;
        }
        return File.Exists(path) ? EntryKind.File : EntryKind.Missing;
    }

    /// <summary>The file type and mode bits (st_mode), or null when the path does not exist or statx is not available.</summary>
    private static int? StatxMode(string path)
    {
        // struct statx has the same layout on every Linux architecture; stx_mode is the u16 at offset 28.
        var buffer = new byte[256];
        try
        {
            const int AtFdCwd = -100;
            const uint StatxType = 0x1;
            return Statx(AtFdCwd, path, 0, StatxType, buffer) == 0 ? BitConverter.ToUInt16(buffer, 28) : null;
        }
        catch (Exception e) when (e is EntryPointNotFoundException or DllNotFoundException)
        {
            return Directory.Exists(path) ? 0x4000 : File.Exists(path) ? 0x8000 : null;
        }
    }

    // "libc.so.6", not "libc": the runtime tries a name with ".so" in it as given, and finds glibc (already loaded) at
    // once; "libc" made it try libc.so (a linker script) and liblibc.so in every library folder first, on every run.
    // Where there is no libc.so.6 (musl), DllNotFoundException takes the fallback above.
    [LibraryImport("libc.so.6", EntryPoint = "statx", StringMarshalling = StringMarshalling.Utf8)]
    private static partial int Statx(int dirfd, string path, int flags, uint mask, [Out] byte[] buffer);
}
