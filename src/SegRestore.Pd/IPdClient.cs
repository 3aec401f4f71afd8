namespace SegRestore.Pd;

/// <summary>The PD capabilities the operator needs (a seam for tests). Owns its connections: dispose it.</summary>
public interface IPdClient : IDisposable
{
    /// <summary>Asks the PD addresses in order until one answers.</summary>
    /// <exception cref="PdHeaderErrorException">PD answered with an error in its response header.</exception>
    /// <exception cref="PdUnavailableException">No address answered.</exception>
    Task<PdMembers> GetMembersAsync(CancellationToken cancellationToken);
}
