namespace SegRestore.Operator.Tests.TiFlash;

/// <summary>
/// A [Fact] that needs <see cref="MySqlTestServer"/>: skipped, with how to start the server, when its variables are
/// unset outside CI; in CI (CI=true) it runs and fails loudly instead, so a broken setup cannot pass as skipped.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class MySqlFactAttribute : FactAttribute
{
    public MySqlFactAttribute()
    {
        if (!MySqlTestServer.IsConfigured && !MySqlTestServer.IsCi)
        {
            Skip = $"{MySqlTestServer.HostVariable} is not set (no MariaDB for the SQL tests); start one: {MySqlTestServer.HowToStart}";
        }
    }
}
