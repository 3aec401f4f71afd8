namespace SegRestore.BrSim.Model;

/// <summary>What a log-backup event does: a meta (DDL) change or a data (DML) change.</summary>
public enum LogEventKind
{
    CreateDatabase,
    CreateTable,
    DropTable,
    RenameTable,
    TruncateTable,
    AddIndex,
    DropIndex,
    SetTiFlashReplica,
    Put,
    Delete,
}
