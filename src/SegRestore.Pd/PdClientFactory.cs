namespace SegRestore.Pd;

/// <summary>
/// Creates a PD client for one target cluster. Each restore chain names its own PD, so the operator asks for a client
/// per cluster instead of sharing one; tests replace this delegate with one returning a fake.
/// </summary>
public delegate IPdClient PdClientFactory(PdClientOptions options);
