using System.Globalization;
using System.Text;
using SegRestore.Store.Errors;

namespace SegRestore.Store.ConfigMaps;

/// <summary>Turns an index into its ConfigMap and back, enforcing the index size limit.</summary>
public static class IndexCodec
{
    private const string FormatKey = "format";

    public static ConfigMapObject ToConfigMap(LedgerIndex index, string? resourceVersion, int maxIndexBytes)
    {
        ArgumentNullException.ThrowIfNull(index);
        var json = LedgerJson.Serialize(index);
        var size = Encoding.UTF8.GetByteCount(json);
        if (size > maxIndexBytes)
        {
            throw new LedgerCapacityException(index.Chain.RootUid,
                $"Chain '{index.Chain.RootUid}' needs {size} bytes for its ledger index ({index.Files.Count} files, " +
                $"{index.Segments.Count} segments, {index.Items.TiFlash.Count + index.Items.Ingest.Count} items), over the ConfigMap " +
                $"store's limit of {maxIndexBytes} bytes (Kubernetes caps a ConfigMap at 1 MiB). Use the SQL ledger " +
                "(PostgreSQL or SQLite) for chains this large.");
        }

        return new ConfigMapObject(
            LedgerNaming.IndexName(index.Chain.RootUid),
            resourceVersion,
            LedgerNaming.IndexLabels(index.Chain.RootUid, index.Chain.State.ToString()),
            new Dictionary<string, string>
            {
                [FormatKey] = LedgerIndex.FormatVersion.ToString(CultureInfo.InvariantCulture),
                [LedgerNaming.IndexKey] = json,
            },
            new Dictionary<string, byte[]>());
    }

    /// <summary>The index stored in <paramref name="configMap"/>; a missing or unknown format is corruption of the
    /// chain's ledger, reported as such.</summary>
    public static LedgerIndex FromConfigMap(ConfigMapObject configMap)
    {
        ArgumentNullException.ThrowIfNull(configMap);
        if (!configMap.Data.TryGetValue(FormatKey, out var format) || format != LedgerIndex.FormatVersion.ToString(CultureInfo.InvariantCulture))
        {
            throw new LedgerException($"Ledger index ConfigMap '{configMap.Name}' has format '{format}', this operator reads " +
                $"format {LedgerIndex.FormatVersion}; upgrade the operator or restore the ConfigMap.");
        }

        if (!configMap.Data.TryGetValue(LedgerNaming.IndexKey, out var json))
        {
            throw new LedgerException($"Ledger index ConfigMap '{configMap.Name}' has no '{LedgerNaming.IndexKey}' key.");
        }

        LedgerIndex index;
        try
        {
            index = LedgerJson.Deserialize<LedgerIndex>(json);
        }
        catch (System.Text.Json.JsonException error)
        {
            throw new LedgerException($"Ledger index ConfigMap '{configMap.Name}' does not hold a valid index: {error.Message}", error);
        }

        return LedgerIndexShape.FirstProblem(index) is { } problem
            ? throw new LedgerException($"Ledger index ConfigMap '{configMap.Name}' does not hold a valid index: {problem}; " +
                "restore the ConfigMap from a backup or delete it to abandon the chain's checkpoints.")
            : index;
    }
}
