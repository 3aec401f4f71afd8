"""Lists (pagination, selectors) and watches through kubernetes.watch.Watch (KUBE-SEMANTICS items 8-9)."""
from kubernetes import client
from kubernetes.client.rest import ApiException

from .support import Failed, case, changes, check, collect, config_map


@case("list-pages-with-limit-and-continue")
def list_pages_with_limit_and_continue(c):
    for i in range(5):
        c.core.create_namespaced_config_map(c.ns, config_map(f"page-{i}", labels={"case": "page", "tier": "ab"[i % 2]}))
    names, token, pages = [], None, 0
    while True:
        page = c.core.list_namespaced_config_map(c.ns, label_selector="case=page,tier in (a,b)", limit=2,
                                                 _continue=token)
        names += [item.metadata.name for item in page.items]
        pages, token = pages + 1, page.metadata._continue
        check(len(page.items) <= 2, f"a page holds at most limit items: {len(page.items)}")
        if not token:
            break
    # A server may return fewer than limit items per page (a real one may when a selector filters), never more.
    check(sorted(names) == [f"page-{i}" for i in range(5)] and pages >= 3, f"pages list all 5: {pages} {names}")
    only_a = c.core.list_namespaced_config_map(c.ns, label_selector="case=page,tier notin (b)")
    check(sorted(i.metadata.name for i in only_a.items) == ["page-0", "page-2", "page-4"],
          f"notin selects: {[i.metadata.name for i in only_a.items]}")


@case("watch-resumes-from-resource-version")
def watch_resumes_from_resource_version(c):
    labels = {"case": "resume"}
    for name in ("a", "b"):
        c.core.create_namespaced_config_map(c.ns, config_map(name, labels=labels))
    listed = c.core.list_namespaced_config_map(c.ns, label_selector="case=resume")
    c.core.create_namespaced_config_map(c.ns, config_map("c", labels=labels))
    c.core.patch_namespaced_config_map("a", c.ns, {"data": {"a": "2"}})
    c.core.delete_namespaced_config_map("b", c.ns)

    events = collect(c.core.list_namespaced_config_map, c.ns, label_selector="case=resume",
                     resource_version=listed.metadata.resource_version, count=3)
    check(changes(events) == [("ADDED", "c"), ("MODIFIED", "a"), ("DELETED", "b")],
          f"the changes after the list's resourceVersion, in order: {changes(events)}")
    check(all(isinstance(e["object"], client.V1ConfigMap) for e in events), "events decode as V1ConfigMap")
    check(events[1]["object"].data == {"a": "2"}, f"MODIFIED carries the new state: {events[1]['object'].data}")

    c.core.create_namespaced_config_map(c.ns, config_map("d", labels=labels))
    resumed = collect(c.core.list_namespaced_config_map, c.ns, label_selector="case=resume",
                      resource_version=events[-1]["object"].metadata.resource_version, count=1)
    check(changes(resumed) == [("ADDED", "d")], f"a watch resumed from the last event's RV: {changes(resumed)}")


@case("watch-without-resource-version-starts-with-existing")
def watch_without_resource_version_starts_with_existing(c):
    c.core.create_namespaced_config_map(c.ns, config_map("existing", labels={"case": "initial"}))
    events = collect(c.core.list_namespaced_config_map, c.ns, label_selector="case=initial", count=1)
    check(changes(events) == [("ADDED", "existing")], f"ADDED for the existing object: {changes(events)}")


@case("watch-too-old-resource-version-is-gone")
def watch_too_old_resource_version_is_gone(c):
    # A server keeps a bounded history (etcd compacts); writes past it make resourceVersion 1 too old.
    c.core.create_namespaced_config_map(c.ns, config_map("churn", labels={"case": "gone"}))
    for i in range(c.churn):
        c.core.patch_namespaced_config_map("churn", c.ns, {"data": {"a": str(i)}})
    if c.churn == 0:
        force_gone_on_an_out_of_process_localcluster(c)
    try:
        events = collect(c.core.list_namespaced_config_map, c.ns, label_selector="case=gone",
                         resource_version="1", count=1, timeout=10)
    except ApiException as error:
        # HTTP 410 for a fresh watch, or an in-stream ERROR event with a 410 Status: the client raises for both.
        check(error.status == 410, f"expected 410 Gone, got {error.status}: {error.reason} {error.body}")
    else:
        raise Failed(f"a watch from resourceVersion 1 did not fail with 410 Gone; events: {changes(events)}")

    # Recovery as a client does it: list again, watch from the new list's resourceVersion.
    listed = c.core.list_namespaced_config_map(c.ns, label_selector="case=gone")
    c.core.create_namespaced_config_map(c.ns, config_map("after", labels={"case": "gone"}))
    events = collect(c.core.list_namespaced_config_map, c.ns, label_selector="case=gone",
                     resource_version=listed.metadata.resource_version, count=1)
    check(changes(events) == [("ADDED", "after")], f"a re-list then watch works: {changes(events)}")


def force_gone_on_an_out_of_process_localcluster(c):
    """A LocalCluster started by `segrestore local up` or `make run` keeps 10,000 events, so resourceVersion 1 may
    still be served: ask its fault knob for the 410, as the C# contract suite does. A real cluster has compacted."""
    if client.VersionApi(c.api_client).get_code().git_commit != "segrestore-localcluster":
        return
    c.api_client.call_api("/localcluster/faults", "POST", body={"forceGone": {"inStream": False}},
                          header_params={"Content-Type": "application/json"}, auth_settings=["BearerToken"])
