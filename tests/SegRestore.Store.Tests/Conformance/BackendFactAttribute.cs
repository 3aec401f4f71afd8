using Xunit.Sdk;

namespace SegRestore.Store.Tests.Conformance;

/// <summary>A conformance test: a [Fact] that is reported as skipped when its backend's class carries
/// <see cref="OptionalBackendAttribute"/> and that backend's opt-out variable is "1" (xunit 2 has no dynamic skip).</summary>
[XunitTestCaseDiscoverer("SegRestore.Store.Tests.Conformance.BackendFactDiscoverer", "SegRestore.Store.Tests")]
[AttributeUsage(AttributeTargets.Method)]
public sealed class BackendFactAttribute : FactAttribute;
