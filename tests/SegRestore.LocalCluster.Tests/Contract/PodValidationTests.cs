using System.Text.Json.Nodes;
using SegRestore.LocalCluster.Tests.Support;

namespace SegRestore.LocalCluster.Tests.Contract;

/// <summary>Core Pod decoding and validation as the API server does them: a mistyped field is 400 in the decoder's
/// words, an invalid field 422 Invalid with <c>details.causes</c>, and a pod like the operator's passes Strict.</summary>
[Collection(SharedCluster.Name)]
[Trait("Category", "Contract")]
public sealed class PodValidationTests(ClusterFixture cluster)
{
    /// <summary>The shape of the operator's worker pod (WorkerPodBuilder): every field it sets.</summary>
    public const string WorkerLikePod = """
        {"apiVersion":"v1","kind":"Pod",
         "metadata":{"name":"seg-1","labels":{"segrestore.io/chain":"c"},"annotations":{"segrestore.io/token-sha256":"ab"}},
         "spec":{"restartPolicy":"Never","automountServiceAccountToken":false,"enableServiceLinks":false,
           "terminationGracePeriodSeconds":30,
           "securityContext":{"runAsNonRoot":true,"runAsUser":65532,"runAsGroup":65532,"fsGroup":65532,"seccompProfile":{"type":"RuntimeDefault"}},
           "initContainers":[{"name":"install-br","image":"pingcap/br:v8.5.0","imagePullPolicy":"IfNotPresent","command":["cp","/br","/tools/br"],
             "volumeMounts":[{"name":"tools","mountPath":"/tools"}],
             "securityContext":{"allowPrivilegeEscalation":false,"readOnlyRootFilesystem":true,"capabilities":{"drop":["ALL"]}}}],
           "containers":[{"name":"worker","image":"segrestore/worker:1","imagePullPolicy":"IfNotPresent",
             "env":[{"name":"SEGRESTORE_ARGS","value":"x"},{"name":"AWS_ACCESS_KEY_ID","valueFrom":{"secretKeyRef":{"name":"s3","key":"id","optional":false}}},
               {"name":"POD_NAME","valueFrom":{"fieldRef":{"apiVersion":"v1","fieldPath":"metadata.name"}}}],
             "volumeMounts":[{"name":"tools","mountPath":"/tools","readOnly":true},{"name":"ca","mountPath":"/ca","subPath":"ca.crt"}],
             "resources":{"requests":{"cpu":"500m","memory":"1Gi"},"limits":{"cpu":"2","memory":"2Gi"}},
             "securityContext":{"allowPrivilegeEscalation":false,"readOnlyRootFilesystem":true,"capabilities":{"drop":["ALL"]}},
             "terminationMessagePath":"/dev/termination-log","terminationMessagePolicy":"FallbackToLogsOnError"}],
           "volumes":[{"name":"tools","emptyDir":{"sizeLimit":"256Mi"}},{"name":"ca","secret":{"secretName":"ca","defaultMode":292,"items":[{"key":"ca.crt","path":"ca.crt"}]}},
             {"name":"checkpoint","persistentVolumeClaim":{"claimName":"cp"}}],
           "nodeSelector":{"disk":"ssd"},
           "tolerations":[{"key":"dedicated","operator":"Equal","value":"restore","effect":"NoSchedule","tolerationSeconds":60}],
           "affinity":{"nodeAffinity":{"requiredDuringSchedulingIgnoredDuringExecution":{"nodeSelectorTerms":[{"matchExpressions":[{"key":"zone","operator":"In","values":["a"]}]}]}}},
           "priorityClassName":"restore","imagePullSecrets":[{"name":"registry"}]}}
        """;

    [LocalOnlyFact]
    public async Task A_pod_shaped_like_the_operators_passes_strict_validation_unchanged()
    {
        var ns = await cluster.NewNamespace();
        var pod = JsonNode.Parse(WorkerLikePod)!;
        // The image is not one the process kubelet runs, and must not start: a node name no kubelet serves.
        pod["spec"]!["nodeName"] = "nowhere";

        var created = (await cluster.Http.Post($"/api/v1/namespaces/{ns}/pods?fieldValidation=Strict", pod)).ShouldBe(201);

        created.Warnings.Should().BeEmpty();
        JsonNode.DeepEquals(created.Json["spec"]!["affinity"], pod["spec"]!["affinity"]).Should().BeTrue();
        created.Json["spec"]!["containers"]![0]!["env"]!.AsArray().Should().HaveCount(3);
    }

    public static TheoryData<string, string, string> MistypedFields => new()
    {
        { "/spec/affinity", "\"zone-a\"", "json: cannot unmarshal string into Go struct field PodSpec.spec.affinity of type v1.Affinity" },
        { "/spec/tolerations", "{\"key\":\"a\"}", "json: cannot unmarshal object into Go struct field PodSpec.spec.tolerations of type []v1.Toleration" },
        { "/spec/nodeSelector", "[\"ssd\"]", "json: cannot unmarshal array into Go struct field PodSpec.spec.nodeSelector of type map[string]string" },
        { "/spec/containers/0/resources/limits/cpu", "\"two\"", "quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'" },
        { "/spec/terminationGracePeriodSeconds", "\"30\"", "json: cannot unmarshal string into Go struct field PodSpec.spec.terminationGracePeriodSeconds of type int64" },
    };

    [Theory]
    [MemberData(nameof(MistypedFields))]
    public async Task A_mistyped_field_is_400_in_the_decoders_words_whatever_the_directive(string location, string value, string error)
    {
        var ns = await cluster.NewNamespace();
        var pod = WithValue(location, value);

        var strict = await cluster.Http.Post($"/api/v1/namespaces/{ns}/pods?fieldValidation=Strict", pod);
        var ignored = await cluster.Http.Post($"/api/v1/namespaces/{ns}/pods?fieldValidation=Ignore", pod);

        foreach (var response in new[] { strict, ignored })
        {
            response.ShouldBe(400).Reason.Should().Be("BadRequest");
            response.Json["message"]!.GetValue<string>().Should().Be("Pod in version \"v1\" cannot be handled as a Pod: " + error);
        }
    }

    public static TheoryData<string, string, string, string> InvalidFields => new()
    {
        { "/spec/containers/0/name", "\"Worker\"", "spec.containers[0].name", "FieldValueInvalid" },
        { "/spec/initContainers/0/name", "\"worker\"", "spec.containers[0].name", "FieldValueDuplicate" },
        { "/spec/containers/0/volumeMounts/0/name", "\"missing\"", "spec.containers[0].volumeMounts[0].name", "FieldValueNotFound" },
        { "/spec/volumes/2/name", "\"tools\"", "spec.volumes[2].name", "FieldValueDuplicate" },
        { "/spec/containers/0/env/0/name", "\"1ARGS\"", "spec.containers[0].env[0].name", "FieldValueInvalid" },
        { "/spec/containers/0/resources/requests/cpu", "\"4\"", "spec.containers[0].resources.requests[cpu]", "FieldValueInvalid" },
        { "/spec/containers/0/image", "\"\"", "spec.containers[0].image", "FieldValueRequired" },
    };

    [LocalOnlyTheory]
    [MemberData(nameof(InvalidFields))]
    public async Task An_invalid_field_is_422_Invalid_with_its_cause(string location, string value, string field, string reason)
    {
        var ns = await cluster.NewNamespace();

        var response = await cluster.Http.Post($"/api/v1/namespaces/{ns}/pods?fieldValidation=Strict", WithValue(location, value));

        response.ShouldBe(422).Reason.Should().Be("Invalid");
        response.Json["details"]!["kind"]!.GetValue<string>().Should().Be("Pod");
        var cause = response.Json["details"]!["causes"]!.AsArray().Should().ContainSingle().Subject!;
        cause["field"]!.GetValue<string>().Should().Be(field);
        cause["reason"]!.GetValue<string>().Should().Be(reason);
        response.Json["message"]!.GetValue<string>().Should().StartWith($"Pod \"seg-1\" is invalid: {field}: ")
            .And.EndWith(cause["message"]!.GetValue<string>());
    }

    [Fact]
    public async Task An_unknown_pod_field_is_refused_under_strict_and_pruned_with_a_warning_by_default()
    {
        var ns = await cluster.NewNamespace();
        var pod = WithValue("/spec/containers/0/imagePullPolcy", "\"Never\"");
        pod["spec"]!["nodeName"] = "nowhere";

        var strict = await cluster.Http.Post($"/api/v1/namespaces/{ns}/pods?fieldValidation=Strict", pod);
        var warned = await cluster.Http.Post($"/api/v1/namespaces/{ns}/pods", pod);

        strict.ShouldBe(400).Json["message"]!.GetValue<string>().Should()
            .Be("Pod in version \"v1\" cannot be handled as a Pod: strict decoding error: unknown field \"spec.containers[0].imagePullPolcy\"");
        warned.ShouldBe(201).Warnings.Should().Equal("299 - \"unknown field \\\"spec.containers[0].imagePullPolcy\\\"\"");
        warned.Json["spec"]!["containers"]![0]!["imagePullPolcy"].Should().BeNull();
    }

    /// <summary>The worker-like pod with one value replaced or added at a JSON location.</summary>
    private static JsonObject WithValue(string location, string value)
    {
        var pod = (JsonObject)JsonNode.Parse(WorkerLikePod)!;
        var parts = location.Trim('/').Split('/');
        JsonNode parent = pod;
        foreach (var part in parts[..^1])
        {
            parent = parent is JsonArray array ? array[int.Parse(part, System.Globalization.CultureInfo.InvariantCulture)]! : parent[part]!;
        }

        if (parent is JsonArray list)
        {
            list[int.Parse(parts[^1], System.Globalization.CultureInfo.InvariantCulture)] = JsonNode.Parse(value);
        }
        else
        {
            parent[parts[^1]] = JsonNode.Parse(value);
        }

        return pod;
    }
}
