namespace SegRestore.Br.Arguments;

/// <summary>The storage back ends BR's `ParseBackend` accepts that SegRestore supports.</summary>
public enum StorageProvider
{
    S3,
    Gcs,
    Azblob,
    Local,
}
