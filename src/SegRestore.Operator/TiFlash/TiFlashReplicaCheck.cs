using SegRestore.Br.State;

namespace SegRestore.Operator.TiFlash;

/// <summary>Compares a replica BR recorded with the row TiDB shows for it, after the operator's <c>ALTER</c>.</summary>
public static class TiFlashReplicaCheck
{
    /// <summary>
    /// <see cref="TiFlashReplicaCheckResult.Missing"/> when there is no row; otherwise the count, then the labels in
    /// order (TiDB keeps them in the order given; its LOCATION_LABELS column joins them with commas).
    /// Availability is not compared: TiFlash copies the data after the setting is in place.
    /// </summary>
    public static TiFlashReplicaCheckResult Compare(TiFlashReplicaItem item, TiFlashReplicaRow? row)
    {
        ArgumentNullException.ThrowIfNull(item);
        if (row is null)
        {
            return TiFlashReplicaCheckResult.Missing;
        }

        if (row.ReplicaCount != item.Count)
        {
            return TiFlashReplicaCheckResult.CountDiffers;
        }

        return SplitLabels(row.LocationLabels).SequenceEqual(item.LocationLabels ?? [], StringComparer.Ordinal)
            ? TiFlashReplicaCheckResult.Matches
            : TiFlashReplicaCheckResult.LabelsDiffer;
    }

    /// <summary>LOCATION_LABELS as a list: split at commas, blanks around each label dropped, empty parts ignored.</summary>
    public static IReadOnlyList<string> SplitLabels(string? locationLabels) =>
        string.IsNullOrWhiteSpace(locationLabels)
            ? []
            : locationLabels.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
}
