using SegRestore.Kube.Client;

namespace SegRestore.Kube.Tests.Client;

public class KubeconfigProblemTests
{
    private const string Fix = "sign in again with the tool it runs (e.g. aws sso login, gcloud auth login, az login), or run the plugin's command yourself to see why, then retry";

    public static TheoryData<string, string> Cases => new()
    {
        {
            "external exec failed due to failed deserialization process: System.Text.Json.JsonException: The input does not contain any JSON tokens.\n   at System.Text.Json.ThrowHelper...",
            "the kubeconfig's exec credential plugin printed no ExecCredential (it failed, or printed something else; its own message, if it printed one, is above): " + Fix
        },
        {
            "external exec failed due to: An error occurred trying to start process 'aws' with working directory '/'. No such file or directory",
            "the kubeconfig's exec credential plugin failed (An error occurred trying to start process 'aws' with working directory '/'. No such file or directory): " + Fix
        },
        {
            "external exec failed because api version client.authentication.k8s.io/v1 does not match client.authentication.k8s.io/v1beta1",
            "the kubeconfig's exec credential plugin failed (because api version client.authentication.k8s.io/v1 does not match client.authentication.k8s.io/v1beta1): " + Fix
        },
        {
            "kubeconfig file not found at /home/u/.kube/config",
            "kubeconfig file not found at /home/u/.kube/config; pass --kubeconfig PATH or set KUBECONFIG"
        },
        {
            "context 'prod' not found ---> System.Exception: inner",
            "context 'prod' not found; pass --kubeconfig PATH or set KUBECONFIG"
        },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void A_refused_kubeconfig_is_described_by_its_cause_with_the_fix_and_no_stack_trace(string message, string described) =>
        KubeconfigProblem.Describe(message, "pass --kubeconfig PATH or set KUBECONFIG").Should().Be(described);
}
