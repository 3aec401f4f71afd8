using Xunit.Abstractions;
using Xunit.Sdk;

namespace SegRestore.Store.Tests.Conformance;

/// <summary>A test case whose skip reason comes from the concrete test class's <see cref="OptionalBackendAttribute"/>.</summary>
public sealed class BackendTestCase : XunitTestCase
{
    [Obsolete("Called by the de-serializer; should only be called by deriving classes for de-serialization purposes")]
    public BackendTestCase()
    {
    }

    public BackendTestCase(IMessageSink diagnosticMessageSink, TestMethodDisplay display, TestMethodDisplayOptions options, ITestMethod testMethod)
        : base(diagnosticMessageSink, display, options, testMethod)
    {
    }

    protected override string GetSkipReason(IAttributeInfo factAttribute)
    {
        var optional = TestMethod.TestClass.Class.GetCustomAttributes(typeof(OptionalBackendAttribute)).FirstOrDefault();
        var variable = optional?.GetConstructorArguments().FirstOrDefault() as string;
        return variable is not null && Environment.GetEnvironmentVariable(variable) == "1"
            ? $"{variable}=1: this backend's tests were skipped on purpose."
            : base.GetSkipReason(factAttribute);
    }
}
