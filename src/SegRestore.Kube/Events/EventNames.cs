using System.Security.Cryptography;
using System.Text;
using k8s;
using k8s.Models;

namespace SegRestore.Kube.Events;

/// <summary>
/// The name of the one Event that aggregates every repeat of (object, type, reason, message): the object's name plus
/// a hash of the rest, so repeats find it with a GET instead of a list.
/// </summary>
public static class EventNames
{
    public static string For(IKubernetesObject<V1ObjectMeta> involvedObject, EventType type, string reason, string message)
    {
        ArgumentNullException.ThrowIfNull(involvedObject);
        var meta = involvedObject.Metadata;
        var identity = string.Join('\n', involvedObject.ApiVersion, involvedObject.Kind, meta.NamespaceProperty,
            meta.Name, meta.Uid, type, reason, message);
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(identity)))[..16];
        var prefix = (meta.Name ?? "object").ToLowerInvariant();
        // Event names are DNS subdomains: at most 253 characters.
        return $"{(prefix.Length > 200 ? prefix[..200] : prefix)}.{hash}";
    }
}
