namespace RegimenLang.Tests.Support;

/// <summary>A scratch folder for a test class, deleted afterwards; <see cref="Write"/> creates files (and folders) in it.</summary>
public abstract class TempFolder : IDisposable
{
    protected TempFolder(string prefix) => Folder = Directory.CreateTempSubdirectory(prefix).FullName;

    protected string Folder { get; }

    protected string Write(string name, string text)
    {
        string path = Path.Combine(Folder, name);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
        return path;
    }

    public void Dispose()
    {
        Directory.Delete(Folder, recursive: true);
        GC.SuppressFinalize(this);
    }
}
