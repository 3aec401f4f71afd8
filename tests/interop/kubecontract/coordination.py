"""Leader-election Leases and Events (KUBE-SEMANTICS runtime rules)."""
from datetime import datetime, timedelta, timezone

from kubernetes import client

from .support import case, check, config_map, expect_error, meta


def micro_now():
    # Non-zero microseconds: MicroTime is RFC 3339 with exactly six fraction digits on the wire.
    return datetime.now(timezone.utc).replace(microsecond=123456)


@case("lease-create-renew-conflict")
def lease_create_renew_conflict(c):
    now = micro_now()
    spec = client.V1LeaseSpec(holder_identity="candidate-a", lease_duration_seconds=15, acquire_time=now,
                              renew_time=now, lease_transitions=0)
    created = c.coordination.create_namespaced_lease(c.ns, client.V1Lease(metadata=meta("leader"), spec=spec))
    check(created.spec.holder_identity == "candidate-a", f"the lease is held: {created.spec}")
    check(created.spec.renew_time == now, f"renewTime keeps microseconds: {created.spec.renew_time} != {now}")
    expect_error(409, "AlreadyExists", c.coordination.create_namespaced_lease, c.ns,
                 client.V1Lease(metadata=meta("leader"), spec=client.V1LeaseSpec(holder_identity="candidate-b")))

    renewal = c.coordination.read_namespaced_lease("leader", c.ns)
    renewal.spec.renew_time = now + timedelta(seconds=2)
    renewed = c.coordination.replace_namespaced_lease("leader", c.ns, renewal)
    check(renewed.spec.renew_time == now + timedelta(seconds=2), f"the renewal is stored: {renewed.spec}")
    check(renewed.metadata.resource_version != created.metadata.resource_version, "a renewal bumps resourceVersion")

    created.spec.holder_identity = "candidate-b"
    expect_error(409, "Conflict", c.coordination.replace_namespaced_lease, "leader", c.ns, created)
    check(c.coordination.read_namespaced_lease("leader", c.ns).spec.holder_identity == "candidate-a",
          "a takeover from a stale read is refused")

    renewed.spec.holder_identity = "candidate-b"
    renewed.spec.lease_transitions = 1
    taken = c.coordination.replace_namespaced_lease("leader", c.ns, renewed)
    check(taken.spec.holder_identity == "candidate-b" and taken.spec.lease_transitions == 1,
          f"a takeover from the current version succeeds: {taken.spec}")


@case("events-create-list")
def events_create_list(c):
    subject = c.core.create_namespaced_config_map(c.ns, config_map("evented"))
    now = micro_now().replace(microsecond=0)
    event = client.CoreV1Event(
        metadata=meta("evented.contract"),
        involved_object=client.V1ObjectReference(api_version="v1", kind="ConfigMap", name="evented",
                                                 namespace=c.ns, uid=subject.metadata.uid),
        reason="ContractChecked", message="checked by kube-contract.py", type="Normal", count=1,
        first_timestamp=now, last_timestamp=now, source=client.V1EventSource(component="kube-contract"))
    c.core.create_namespaced_event(c.ns, event)

    listed = c.core.list_namespaced_event(c.ns, field_selector="involvedObject.name=evented")
    check([e.metadata.name for e in listed.items] == ["evented.contract"], f"listed by involvedObject: {listed.items}")
    found = listed.items[0]
    written = (event.reason, event.message, subject.metadata.uid)
    check((found.reason, found.message, found.involved_object.uid) == written,
          f"the event is stored as written: {found}")

    found.count = 2
    found.last_timestamp = now + timedelta(seconds=5)
    bumped = c.core.replace_namespaced_event("evented.contract", c.ns, found)
    check(bumped.count == 2, f"an aggregating client bumps count: {bumped.count}")
    other = c.core.list_namespaced_event(c.ns, field_selector="reason=SomethingElse")
    check(other.items == [], f"the reason field selector filters: {other.items}")


@case("events-v1-create-list")
def events_v1_create_list(c):
    c.require("events.k8s.io/v1")
    subject = c.core.create_namespaced_config_map(c.ns, config_map("evented-v1"))
    event = client.EventsV1Event(
        metadata=meta("evented-v1.contract"), event_time=micro_now(), action="Check", reason="ContractChecked",
        note="checked by kube-contract.py", type="Normal", reporting_controller="segrestore.io/kube-contract",
        reporting_instance="kube-contract-1",
        regarding=client.V1ObjectReference(api_version="v1", kind="ConfigMap", name="evented-v1", namespace=c.ns,
                                           uid=subject.metadata.uid))
    events = client.EventsV1Api(c.api_client)
    events.create_namespaced_event(c.ns, event)

    listed = events.list_namespaced_event(c.ns, field_selector="regarding.name=evented-v1")
    check([e.metadata.name for e in listed.items] == ["evented-v1.contract"], f"listed by regarding: {listed.items}")
    core = c.core.read_namespaced_event("evented-v1.contract", c.ns)
    check(core.message == event.note and core.involved_object.name == "evented-v1",
          f"the same event is a core v1 Event: {core}")
