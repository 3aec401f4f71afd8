namespace SegRestore.BrSim.Model;

/// <summary>
/// Applies log events to cluster data. Upstream mode replays history as it happened; restore mode is what BR does on
/// the target: ids are rewritten through the id maps, TiFlash replicas are stripped and recorded, and ingest-mode
/// indexes arrive without their KVs (the log does not carry them) and are recorded for repair.
/// </summary>
public sealed class EventApplier
{
    private readonly ClusterData _data;
    private readonly IdMapBook? _maps;
    private readonly Func<long>? _allocateId;
    private readonly SegmentItems? _items;

    private EventApplier(ClusterData data, IdMapBook? maps, Func<long>? allocateId, SegmentItems? items)
    {
        _data = data;
        _maps = maps;
        _allocateId = allocateId;
        _items = items;
    }

    public static EventApplier ForUpstream(ClusterData data) => new(data, null, null, null);

    public static EventApplier ForRestore(ClusterData data, IdMapBook maps, Func<long> allocateId, SegmentItems items) =>
        new(data, maps, allocateId, items);

    private bool Restoring => _maps is not null;

    public void Apply(LogEvent e)
    {
        ArgumentNullException.ThrowIfNull(e);
        switch (e.Kind)
        {
            case LogEventKind.CreateDatabase: CreateDatabase(e); break;
            case LogEventKind.CreateTable: CreateTable(e); break;
            case LogEventKind.DropTable: WithTable(e.TableId, t => _data.Tables.Remove(t.Id)); break;
            case LogEventKind.RenameTable: RenameTable(e); break;
            case LogEventKind.TruncateTable: TruncateTable(e); break;
            case LogEventKind.AddIndex: AddIndex(e); break;
            case LogEventKind.DropIndex: WithTable(e.TableId, t => t.Indexes.RemoveAll(i => i.Id == e.Index!.Id)); break;
            case LogEventKind.SetTiFlashReplica: SetTiFlash(e); break;
            case LogEventKind.Put: WithTable(e.TableId, t => Put(t, e)); break;
            case LogEventKind.Delete: WithTable(e.TableId, t => t.Rows.Remove(e.Key!)); break;
            default: throw new InvalidOperationException($"unknown log event kind {e.Kind}");
        }
    }

    /// <summary>Downstream (or, upstream, the same) id of an upstream table id; null when it is not there.</summary>
    public long? TableId(long upstreamTableId) =>
        Restoring ? _maps!.Table(upstreamTableId)?.Mapping.DownstreamId : upstreamTableId;

    private void WithTable(long upstreamTableId, Action<TableInfo> action)
    {
        if (TableId(upstreamTableId) is { } id && _data.Tables.TryGetValue(id, out var table))
        {
            action(table);
        }
    }

    private void CreateDatabase(LogEvent e)
    {
        var id = e.DbId;
        if (Restoring)
        {
            id = _maps!.Database(e.DbId) ?? _allocateId!();
            if (!_maps.Databases.ContainsKey(e.DbId))
            {
                _maps.Databases[e.DbId] = new DbMapping { Name = e.Name!, DownstreamId = id };
            }
        }

        _data.Databases[id] = new DatabaseInfo { Id = id, Name = e.Name! };
    }

    private void CreateTable(LogEvent e)
    {
        var table = e.Table!.Clone();
        if (Restoring)
        {
            if (_maps!.Databases.GetValueOrDefault(e.DbId) is not { } db)
            {
                return;
            }

            var existing = _maps.Table(table.Id)?.Mapping;
            if (existing is not null && _data.Tables.ContainsKey(existing.DownstreamId))
            {
                // Replayed by a resumed run: the table and its rows are already there. Its TiFlash setting is recorded
                // again, as the state this run resumed from may predate the first write of this meta KV.
                _items!.RecordTiFlash(existing.DownstreamId, table.TiFlash);
                return;
            }

            var mapping = existing ?? new TableMapping { Name = table.Name, DownstreamId = _allocateId!() };
            foreach (var partition in table.PartitionIds.Where(p => !mapping.Partitions.ContainsKey(p)))
            {
                mapping.Partitions[partition] = _allocateId!();
            }

            if (existing is null)
            {
                // A complete map (built before the meta KVs are written) may already hold it under the db a later
                // rename moved it to: adding it here too would map one upstream table twice.
                db.Tables[table.Id] = mapping;
            }

            table.Id = mapping.DownstreamId;
            table.DbId = db.DownstreamId;
            table.PartitionIds = [.. mapping.Partitions.Values];
            _items!.RecordTiFlash(table.Id, table.TiFlash);
            table.TiFlash = null;
        }

        _data.Tables[table.Id] = table;
    }

    private void RenameTable(LogEvent e)
    {
        if (TableId(e.TableId) is not { } id || !_data.Tables.TryGetValue(id, out var table))
        {
            return;
        }

        table.Name = e.Name!;
        if (!Restoring)
        {
            table.DbId = e.DbId;
            return;
        }

        var (fromDb, mapping) = _maps!.Table(e.TableId)!.Value;
        mapping.Name = e.Name!;
        if (_maps.Databases.GetValueOrDefault(e.DbId) is not { } toDb)
        {
            return;
        }

        if (fromDb != e.DbId)
        {
            _maps.Databases[fromDb].Tables.Remove(e.TableId);
            toDb.Tables[e.TableId] = mapping;
        }

        // Also when a complete map already has the mapping under the target db: the table itself still moves.
        table.DbId = toDb.DownstreamId;
    }

    private void TruncateTable(LogEvent e)
    {
        // The replay guard keys on the data: a complete map already maps the new table before the truncate is
        // written, so only a downstream table that exists says the truncate was applied.
        var known = Restoring ? _maps!.Table(e.Table!.Id)?.Mapping : null;
        if (known is not null && _data.Tables.ContainsKey(known.DownstreamId))
        {
            // Replayed: writing the truncate's meta KVs again deletes the old table (a replayed CREATE may have put it
            // back) and leaves the new one as it is.
            if (TableId(e.TableId) is { } staleId)
            {
                _data.Tables.Remove(staleId);
                MoveTiFlash(staleId, known.DownstreamId);
            }

            return;
        }

        if (TableId(e.TableId) is not { } oldId || !_data.Tables.TryGetValue(oldId, out var table))
        {
            return;
        }

        _data.Tables.Remove(oldId);
        table.Rows.Clear();
        table.StaleIndexKvs = 0;
        foreach (var index in table.Indexes)
        {
            // An empty table has every index complete; later writes carry their index entries in the log.
            index.Built = true;
            index.Version = 1;
        }

        var replacement = e.Table!;
        if (Restoring)
        {
            var (dbId, oldMapping) = _maps!.Table(e.TableId)!.Value;
            var mapping = known ?? new TableMapping { Name = oldMapping.Name, DownstreamId = _allocateId!() };
            foreach (var partition in replacement.PartitionIds.Where(p => !mapping.Partitions.ContainsKey(p)))
            {
                mapping.Partitions[partition] = _allocateId!();
            }

            if (known is null)
            {
                _maps.Databases[dbId].Tables[replacement.Id] = mapping;
            }

            MoveTiFlash(oldId, mapping.DownstreamId);

            table.Id = mapping.DownstreamId;
            table.PartitionIds = [.. mapping.Partitions.Values];
        }
        else
        {
            table.Id = replacement.Id;
            table.PartitionIds = [.. replacement.PartitionIds];
        }

        _data.Tables[table.Id] = table;
    }

    private void MoveTiFlash(long fromDownstreamId, long toDownstreamId)
    {
        if (_items!.TiFlash.Remove(fromDownstreamId, out var replica))
        {
            _items.TiFlash[toDownstreamId] = replica;
        }
    }

    private void AddIndex(LogEvent e)
    {
        WithTable(e.TableId, table =>
        {
            var index = e.Index!.Clone();
            index.Built = !(Restoring && e.Ingest);
            table.Indexes.RemoveAll(i => i.Id == index.Id);
            table.Indexes.Add(index);
            if (Restoring && e.Ingest)
            {
                _items!.RecordIngest(e.TableId, index.Id, index.Primary);
            }
        });
    }

    private void Put(TableInfo table, LogEvent e)
    {
        table.Rows[e.Key!] = e.Value!;
        if (Restoring)
        {
            // The upstream writes index entries under the index as it knows it; an index BR rebuilt early is another
            // version, so those entries land beside it and nothing ever removes them.
            table.StaleIndexKvs += table.Indexes.Count(i => i.Version > 1);
        }
    }

    private void SetTiFlash(LogEvent e)
    {
        WithTable(e.TableId, table =>
        {
            if (Restoring)
            {
                _items!.RecordTiFlash(table.Id, e.TiFlash);
            }
            else
            {
                table.TiFlash = e.TiFlash is { Count: > 0 } replica ? replica.Clone() : null;
            }
        });
    }
}
