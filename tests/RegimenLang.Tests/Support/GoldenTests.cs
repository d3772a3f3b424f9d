namespace RegimenLang.Tests.Support;

public sealed class GoldenTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("golden-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void Matching_text_passes_and_removes_a_stale_received_file()
    {
        string verified = Path.Combine(_dir, "a.verified.txt");
        File.WriteAllText(verified, "one\ntwo\n");
        File.WriteAllText(Path.Combine(_dir, "a.received.txt"), "old");
        Golden.Verify(verified, "one\ntwo\n", accept: false);
        Assert.False(File.Exists(Path.Combine(_dir, "a.received.txt")));
    }

    [Fact]
    public void Mismatch_fails_with_a_unified_diff_and_writes_the_received_file()
    {
        string verified = Path.Combine(_dir, "b.verified.txt");
        File.WriteAllText(verified, "one\ntwo\nthree\n");
        var e = Assert.Throws<GoldenMismatchException>(() => Golden.Verify(verified, "one\nTWO\nthree\n", accept: false));
        Assert.Contains("-two", e.Message, StringComparison.Ordinal);
        Assert.Contains("+TWO", e.Message, StringComparison.Ordinal);
        Assert.Contains("@@ -1,3 +1,3 @@", e.Message, StringComparison.Ordinal);
        Assert.Equal("one\nTWO\nthree\n", File.ReadAllText(Path.Combine(_dir, "b.received.txt")));
        Assert.Equal("one\ntwo\nthree\n", File.ReadAllText(verified));
    }

    [Fact]
    public void Missing_verified_file_fails_unless_accepting()
    {
        string verified = Path.Combine(_dir, "c.verified.txt");
        Assert.Throws<GoldenMismatchException>(() => Golden.Verify(verified, "new\n", accept: false));
        Assert.False(File.Exists(verified));
        Golden.Verify(verified, "new\n", accept: true);
        Assert.Equal("new\n", File.ReadAllText(verified));
        Assert.False(File.Exists(Path.Combine(_dir, "c.received.txt")));
    }

    [Fact]
    public void Line_endings_do_not_count_as_differences()
    {
        string verified = Path.Combine(_dir, "d.verified.txt");
        File.WriteAllText(verified, "x\r\ny\r\n");
        Golden.Verify(verified, "x\ny\n", accept: false);
    }
}
