"""The PointRestoreSegment custom resource through CustomObjectsApi: CRUD, the status subresource, merge patches
and the structural schema (KUBE-SEMANTICS items 1-4, 10, 11)."""
from .support import SEGMENTS, case, check, collect, expect_error, segment


@case("segment-crud")
def segment_crud(c):
    created = c.create_segment(segment("crud", labels={"case": "crud"}))
    check(created["metadata"]["generation"] == 1, f"a new segment has generation 1: {created['metadata']}")
    check(created["spec"].get("hold") is False, f"the schema default spec.hold=false is applied: {created['spec']}")
    expect_error(409, "AlreadyExists", c.create_segment, segment("crud"))

    read = c.get_segment("crud")
    read["spec"]["hold"] = True
    replaced = c.replace_segment("crud", read)
    check(replaced["spec"]["hold"] is True and replaced["metadata"]["generation"] == 2,
          f"a spec change is stored and bumps generation: {replaced['metadata']}")
    replaced["metadata"]["labels"]["tier"] = "gold"
    relabelled = c.replace_segment("crud", replaced)
    check(relabelled["metadata"]["generation"] == 2, "a label change does not bump generation")

    listed = c.custom.list_namespaced_custom_object(*SEGMENTS[:2], c.ns, SEGMENTS[2], label_selector="case=crud")
    check([item["metadata"]["name"] for item in listed["items"]] == ["crud"], f"the list holds it: {listed}")
    check(listed["kind"] == "PointRestoreSegmentList", f"the list kind: {listed['kind']}")

    c.delete_segment("crud")
    expect_error(404, "NotFound", c.get_segment, "crud")


@case("segment-status-subresource")
def segment_status_subresource(c):
    body = segment("status")
    body["status"] = {"phase": "Running"}
    created = c.create_segment(body)
    check("status" not in created, f"create ignores status when the subresource is enabled: {created.get('status')}")

    created["status"] = {"phase": "Pending", "observedGeneration": 1}
    created["spec"]["hold"] = True
    written = c.replace_segment_status("status", created)
    check(written["status"]["phase"] == "Pending", f"a /status replace stores status: {written.get('status')}")
    check(written["spec"]["hold"] is False, "a /status replace leaves spec alone")
    check(written["metadata"]["generation"] == 1, "a status write does not bump generation")
    check(written["metadata"]["resourceVersion"] != created["metadata"]["resourceVersion"], "it bumps resourceVersion")

    patched = c.patch_segment_status("status", {"status": {"phase": "Waiting"}, "spec": {"hold": True}})
    check(patched["status"]["phase"] == "Waiting" and patched["spec"]["hold"] is False,
          f"a /status merge patch changes only status: {patched['spec']} {patched['status']}")

    patched["spec"]["hold"] = True
    patched["status"]["phase"] = "Failed"
    main = c.replace_segment("status", patched)
    check(main["spec"]["hold"] is True and main["status"]["phase"] == "Waiting",
          f"a main replace changes spec and leaves status alone: {main['spec']} {main['status']}")
    main_patched = c.patch_segment("status", {"status": {"phase": "Failed"}})
    check(main_patched["status"]["phase"] == "Waiting", "a main merge patch leaves status alone")


@case("segment-merge-patch")
def segment_merge_patch(c):
    c.create_segment(segment("merge"))
    patched = c.patch_segment("merge", {"metadata": {"labels": {"tier": "gold"}}, "spec": {"hold": True, "last": True}})
    check(patched["metadata"]["labels"] == {"tier": "gold"}, f"labels merged: {patched['metadata']}")
    check(patched["spec"]["hold"] is True and patched["spec"]["last"] is True, f"spec merged: {patched['spec']}")
    check(patched["spec"]["cluster"] == {"pd": "basic-pd.tidb:2379"}, "untouched fields stay")
    unset = c.patch_segment("merge", {"metadata": {"labels": {"tier": None}}, "spec": {"last": None}})
    check(not unset["metadata"].get("labels"), f"null removes a field: {unset['metadata']}")
    check(unset["spec"]["last"] is False, f"a removed field with a schema default gets the default: {unset['spec']}")


@case("segment-schema-prunes-and-validates")
def segment_schema_prunes_and_validates(c):
    body = segment("schema")
    body["spec"]["unknownField"] = "dropped"
    created = c.create_segment(body)
    check("unknownField" not in created["spec"], f"unknown fields are pruned: {created['spec']}")

    invalid = segment("invalid")
    invalid["spec"]["cluster"]["pd"] = ""
    status = expect_error(422, "Invalid", c.create_segment, invalid)
    fields = [cause.get("field") for cause in status.get("details", {}).get("causes", [])]
    check("spec.cluster.pd" in fields, f"the cause names the field: {status}")
    expect_error(404, "NotFound", c.get_segment, "invalid")


@case("segment-watch-sees-spec-and-status-changes")
def segment_watch_sees_spec_and_status_changes(c):
    created = c.create_segment(segment("watched", labels={"case": "watched"}))
    c.patch_segment("watched", {"spec": {"hold": True}})
    c.patch_segment_status("watched", {"status": {"phase": "Waiting"}})
    c.delete_segment("watched")

    events = collect(c.custom.list_namespaced_custom_object, *SEGMENTS[:2], c.ns, SEGMENTS[2],
                     label_selector="case=watched", resource_version=created["metadata"]["resourceVersion"], count=3)
    seen = [(e["type"], e["object"]["spec"]["hold"], e["object"].get("status", {}).get("phase")) for e in events]
    check(seen == [("MODIFIED", True, None), ("MODIFIED", True, "Waiting"), ("DELETED", True, "Waiting")],
          f"spec, status and deletion arrive in order as dicts: {seen}")
