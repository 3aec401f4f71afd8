"""Core objects: CRUD, patches and optimistic concurrency (KUBE-SEMANTICS items 1-2, 10)."""
import base64

from kubernetes import client

from .support import case, check, config_map, eventually, expect_error, is_gone, segment


@case("configmap-crud")
def configmap_crud(c):
    created = c.core.create_namespaced_config_map(c.ns, config_map("crud", labels={"suite": "crud"}))
    check(created.metadata.uid and created.metadata.resource_version and created.metadata.creation_timestamp,
          f"create sets uid, resourceVersion and creationTimestamp: {created.metadata}")
    expect_error(409, "AlreadyExists", c.core.create_namespaced_config_map, c.ns, config_map("crud"))

    read = c.core.read_namespaced_config_map("crud", c.ns)
    check(read.data == {"a": "1"}, f"read returns the data: {read.data}")
    read.data["a"] = "2"
    replaced = c.core.replace_namespaced_config_map("crud", c.ns, read)
    check(replaced.data == {"a": "2"}, f"replace stores the data: {replaced.data}")
    check(replaced.metadata.resource_version != created.metadata.resource_version, "replace changes resourceVersion")

    listed = c.core.list_namespaced_config_map(c.ns, label_selector="suite=crud")
    check([item.metadata.name for item in listed.items] == ["crud"], f"the label selector lists it: {listed.items}")
    check(listed.metadata.resource_version, "a list carries a resourceVersion")

    c.core.delete_namespaced_config_map("crud", c.ns)
    expect_error(404, "NotFound", c.core.read_namespaced_config_map, "crud", c.ns)


@case("secret-crud")
def secret_crud(c):
    body = client.V1Secret(metadata=client.V1ObjectMeta(name="creds"), string_data={"token": "s3cr3t"})
    created = c.core.create_namespaced_secret(c.ns, body)
    check(created.type == "Opaque", f"type defaults to Opaque: {created.type}")

    read = c.core.read_namespaced_secret("creds", c.ns)
    check(read.data == {"token": base64.b64encode(b"s3cr3t").decode()}, f"stringData is stored as data: {read.data}")
    check(read.string_data is None, "stringData is write-only")
    read.data["token"] = base64.b64encode(b"rotated").decode()
    replaced = c.core.replace_namespaced_secret("creds", c.ns, read)
    check(base64.b64decode(replaced.data["token"]) == b"rotated", f"replace stores the data: {replaced.data}")

    c.core.delete_namespaced_secret("creds", c.ns)
    expect_error(404, "NotFound", c.core.read_namespaced_secret, "creds", c.ns)


@case("configmap-strategic-merge-patch")
def configmap_strategic_merge_patch(c):
    c.core.create_namespaced_config_map(c.ns, config_map("smp", labels={"keep": "yes"}))
    # A dict body is sent as application/strategic-merge-patch+json by this client.
    patch = {"metadata": {"labels": {"added": "yes"}}, "data": {"b": "2"}}
    patched = c.core.patch_namespaced_config_map("smp", c.ns, patch)
    check(patched.data == {"a": "1", "b": "2"}, f"maps are merged: {patched.data}")
    check(patched.metadata.labels == {"keep": "yes", "added": "yes"}, f"labels are merged: {patched.metadata.labels}")


@case("configmap-merge-patch")
def configmap_merge_patch(c):
    c.core.create_namespaced_config_map(c.ns, config_map("merge", {"a": "1", "b": "2"}))
    # The generated CoreV1Api cannot choose merge-patch for a dict, so ask the client's ApiClient directly.
    patched = c.api_client.call_api(
        f"/api/v1/namespaces/{c.ns}/configmaps/merge", "PATCH",
        header_params={"Content-Type": "application/merge-patch+json", "Accept": "application/json"},
        body={"data": {"a": None, "c": "3"}}, response_type="V1ConfigMap", auth_settings=["BearerToken"],
        _return_http_data_only=True)
    check(patched.data == {"b": "2", "c": "3"}, f"null deletes a key, a value adds one (RFC 7386): {patched.data}")


@case("configmap-json-patch")
def configmap_json_patch(c):
    c.core.create_namespaced_config_map(c.ns, config_map("json", {"a": "1", "c": "3"}))
    # A list body is sent as application/json-patch+json.
    patched = c.core.patch_namespaced_config_map("json", c.ns, [
        {"op": "test", "path": "/data/a", "value": "1"},
        {"op": "replace", "path": "/data/a", "value": "10"},
        {"op": "add", "path": "/data/b", "value": "2"},
        {"op": "remove", "path": "/data/c"},
    ])
    check(patched.data == {"a": "10", "b": "2"}, f"the operations apply in order: {patched.data}")

    expect_error(422, None, c.core.patch_namespaced_config_map, "json", c.ns, [
        {"op": "replace", "path": "/data/b", "value": "20"},
        {"op": "test", "path": "/data/a", "value": "1"},
    ])
    after = c.core.read_namespaced_config_map("json", c.ns)
    check(after.data == {"a": "10", "b": "2"}, f"a failed test applies nothing: {after.data}")


@case("conflict-on-stale-resource-version")
def conflict_on_stale_resource_version(c):
    stale = c.core.create_namespaced_config_map(c.ns, config_map("stale"))
    c.core.replace_namespaced_config_map("stale", c.ns, config_map("stale", {"a": "2"},
                                         resource_version=stale.metadata.resource_version))
    stale.data["a"] = "3"
    status = expect_error(409, "Conflict", c.core.replace_namespaced_config_map, "stale", c.ns, stale)
    check("the object has been modified" in status.get("message", ""), f"the real message: {status}")
    expect_error(409, "Conflict", c.core.patch_namespaced_config_map, "stale", c.ns,
                 {"metadata": {"resourceVersion": stale.metadata.resource_version}, "data": {"a": "4"}})
    expect_error(409, "Conflict", c.core.delete_namespaced_config_map, "stale", c.ns,
                 body=client.V1DeleteOptions(preconditions=client.V1Preconditions(
                     resource_version=stale.metadata.resource_version)))
    check(c.core.read_namespaced_config_map("stale", c.ns).data == {"a": "2"}, "the refused writes changed nothing")

    old = c.create_segment(segment("stale"))
    fresh = dict(old, spec=dict(old["spec"], hold=True))
    c.replace_segment("stale", fresh)
    expect_error(409, "Conflict", c.replace_segment, "stale", old)
    del old["metadata"]["resourceVersion"]
    expect_error(422, "Invalid", c.replace_segment, "stale", old)


@case("configmap-delete-collection")
def configmap_delete_collection(c):
    for name, group in (("drop-1", "drop"), ("drop-2", "drop"), ("keep-1", "keep")):
        c.core.create_namespaced_config_map(c.ns, config_map(name, labels={"case": "collection", "group": group}))
    c.core.delete_collection_namespaced_config_map(c.ns, label_selector="case=collection,group=drop")
    left = c.core.list_namespaced_config_map(c.ns, label_selector="case=collection")
    check([item.metadata.name for item in left.items] == ["keep-1"], f"only the selected ones go: {left.items}")


@case("namespace-deletion-removes-its-objects")
def namespace_deletion_removes_its_objects(c):
    name = c.ns + "-gone"
    c.core.create_namespace(client.V1Namespace(metadata=client.V1ObjectMeta(name=name)))
    c.core.create_namespaced_config_map(name, config_map("inside"))
    c.core.delete_namespace(name)
    eventually(lambda: is_gone(c.core.read_namespace, name), "the namespace and its objects are removed", timeout=120)
    expect_error(404, "NotFound", c.core.read_namespaced_config_map, "inside", name)
