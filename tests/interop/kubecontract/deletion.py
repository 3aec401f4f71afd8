"""Finalizers and garbage collection (KUBE-SEMANTICS items 5-6)."""
from kubernetes import client

from .support import case, check, config_map, eventually, expect_error, is_gone, segment

FINALIZER = "segrestore.io/contract"


def owned_by(api_version, kind, metadata, block=None):
    return [client.V1OwnerReference(api_version=api_version, kind=kind, name=metadata.name, uid=metadata.uid,
                                    block_owner_deletion=block)]


def segment_metadata(segment_object):
    return client.V1ObjectMeta(name=segment_object["metadata"]["name"], uid=segment_object["metadata"]["uid"])


@case("finalizer-holds-deletion")
def finalizer_holds_deletion(c):
    created = c.create_segment(segment("final", finalizers=[FINALIZER]))
    c.delete_segment("final")

    held = c.get_segment("final")
    check(held["metadata"].get("deletionTimestamp"), f"DELETE sets deletionTimestamp: {held['metadata']}")
    check(held["metadata"]["finalizers"] == [FINALIZER], "the finalizer stays")
    check(held["metadata"]["generation"] == created["metadata"]["generation"] + 1,
          "setting deletionTimestamp bumps generation")
    expect_error(422, "Invalid", c.patch_segment, "final",
                 {"metadata": {"finalizers": [FINALIZER, "segrestore.io/late"]}})

    c.patch_segment("final", {"metadata": {"finalizers": None}})
    eventually(lambda: is_gone(c.get_segment, "final"), "removing the last finalizer deletes the segment")


@case("gc-background-deletes-dependents")
def gc_background_deletes_dependents(c):
    owner = c.create_segment(segment("owner"))
    references = owned_by("segrestore.io/v1alpha1", "PointRestoreSegment", segment_metadata(owner))
    c.core.create_namespaced_config_map(c.ns, config_map("dependent", owner_references=references))
    c.delete_segment("owner")
    eventually(lambda: is_gone(c.core.read_namespaced_config_map, "dependent", c.ns),
               "the dependent of a deleted owner is collected")


@case("gc-foreground-waits-for-dependents")
def gc_foreground_waits_for_dependents(c):
    owner = c.core.create_namespaced_config_map(c.ns, config_map("fg-owner"))
    references = owned_by("v1", "ConfigMap", owner.metadata, block=True)
    c.core.create_namespaced_config_map(c.ns, config_map("fg-dependent", finalizers=[FINALIZER],
                                                         owner_references=references))
    c.core.delete_namespaced_config_map("fg-owner", c.ns, body=client.V1DeleteOptions(propagation_policy="Foreground"))

    eventually(lambda: c.core.read_namespaced_config_map("fg-dependent", c.ns).metadata.deletion_timestamp,
               "the garbage collector deletes the dependent")
    waiting = c.core.read_namespaced_config_map("fg-owner", c.ns)
    check(waiting.metadata.deletion_timestamp and "foregroundDeletion" in (waiting.metadata.finalizers or []),
          f"the owner waits with the foregroundDeletion finalizer: {waiting.metadata}")

    c.core.patch_namespaced_config_map("fg-dependent", c.ns, [{"op": "remove", "path": "/metadata/finalizers"}])
    eventually(lambda: is_gone(c.core.read_namespaced_config_map, "fg-dependent", c.ns), "the dependent goes")
    eventually(lambda: is_gone(c.core.read_namespaced_config_map, "fg-owner", c.ns), "then the owner goes")


@case("gc-orphan-keeps-dependents")
def gc_orphan_keeps_dependents(c):
    owner = c.core.create_namespaced_config_map(c.ns, config_map("orphan-owner"))
    c.core.create_namespaced_config_map(c.ns, config_map(
        "orphan", owner_references=owned_by("v1", "ConfigMap", owner.metadata)))
    c.core.delete_namespaced_config_map("orphan-owner", c.ns, body=client.V1DeleteOptions(propagation_policy="Orphan"))

    eventually(lambda: is_gone(c.core.read_namespaced_config_map, "orphan-owner", c.ns), "the owner goes")

    def released():
        dependent = c.core.read_namespaced_config_map("orphan", c.ns)
        return None if dependent.metadata.owner_references else dependent

    orphan = eventually(released, "the dependent loses its ownerReference")
    check(orphan.metadata.deletion_timestamp is None, "the orphan is not being deleted")
