"""What every case shares: the registry of cases, the cluster handle, checks and waits."""
import json
import time

from kubernetes import client, watch
from kubernetes.client.rest import ApiException

CASES = []

SEGMENTS = ("segrestore.io", "v1alpha1", "pointrestoresegments")


def case(name):
    """Registers a case: a function of a Cluster that raises when the server does not behave."""
    def register(function):
        CASES.append((name, function))
        return function
    return register


class NotServed(Exception):
    """The server lacks the API group/version a case needs: the runner says so on stderr, the case is not reported."""


class Failed(Exception):
    """A check did not hold; the message says what was expected and what the server answered."""


def check(condition, message):
    if not condition:
        raise Failed(message)


def status_body(error):
    """The Status object an ApiException carries (empty for an in-stream watch error, which has no body)."""
    try:
        return json.loads(error.body) if error.body else {}
    except ValueError:
        return {}


def expect_error(code, reason, call, *args, **kwargs):
    """Calls and expects an ApiException with this HTTP code and Status reason; returns the Status."""
    try:
        result = call(*args, **kwargs)
    except ApiException as error:
        body = status_body(error)
        check(error.status == code, f"expected {code} {reason}, got {error.status}: {error.body}")
        check(reason is None or body.get("reason") == reason,
              f"expected reason {reason}, got {body.get('reason')}: {error.body}")
        check(reason is None or body.get("kind") == "Status", f"the error is not a Status object: {error.body}")
        return body
    raise Failed(f"expected {code} {reason}, the call succeeded: {summary(result)}")


def summary(value):
    text = str(value)
    return text if len(text) <= 600 else text[:600] + "..."


def eventually(probe, what, timeout=60.0):
    """Polls `probe` until it returns something truthy; returns that. Fails naming `what` and the last value."""
    deadline = time.monotonic() + timeout
    last = None
    while True:
        last = probe()
        if last:
            return last
        if time.monotonic() > deadline:
            raise Failed(f"timed out after {timeout:.0f}s waiting until {what} (last: {summary(last)})")
        time.sleep(0.1)


def is_gone(read, *args):
    """True when reading the object answers 404."""
    try:
        read(*args)
    except ApiException as error:
        if error.status == 404:
            return True
        raise
    return False


def collect(function, *args, count, timeout=30, **kwargs):
    """The first `count` watch events of `function` (fewer when the server ends the stream after `timeout`)."""
    stream = watch.Watch()
    events = []
    for event in stream.stream(function, *args, timeout_seconds=timeout, **kwargs):
        events.append(event)
        if len(events) == count:
            stream.stop()
            break
    return events


def changes(events):
    """(type, name) of each watch event, for messages and comparisons."""
    return [(event["type"], event["object"].metadata.name) for event in events]


def meta(name, **fields):
    return client.V1ObjectMeta(name=name, **fields)


def config_map(name, data=None, **metadata):
    return client.V1ConfigMap(metadata=meta(name, **metadata), data=data or {"a": "1"})


def segment(name, **metadata):
    """A PointRestoreSegment body shaped like config/samples/three-segment/00-orders-0.yaml."""
    return {
        "apiVersion": "segrestore.io/v1alpha1",
        "kind": "PointRestoreSegment",
        "metadata": {"name": name, **metadata},
        "spec": {
            "cluster": {"pd": "basic-pd.tidb:2379"},
            "fullBackup": {"url": "s3://backups/full", "secretName": "s3-creds"},
            "log": {"url": "s3://backups/log", "secretName": "s3-creds"},
            "restoredTs": "463736294698909699",
        },
    }


class Cluster:
    """The typed APIs of one kubeconfig, the test namespace and the knobs the target needs."""

    def __init__(self, api_client, namespace, image, churn):
        self.api_client = api_client
        self.core = client.CoreV1Api(api_client)
        self.custom = client.CustomObjectsApi(api_client)
        self.coordination = client.CoordinationV1Api(api_client)
        self.extensions = client.ApiextensionsV1Api(api_client)
        self.ns = namespace
        self.image = image
        self.churn = churn

    def require(self, group_version):
        """Raises NotServed unless discovery lists the group/version."""
        group, version = group_version.split("/")
        groups = client.ApisApi(self.api_client).get_api_versions().groups
        if not any(g.name == group and any(v.version == version for v in g.versions) for g in groups):
            raise NotServed(group_version)

    def create_segment(self, body):
        return self.custom.create_namespaced_custom_object(*SEGMENTS[:2], self.ns, SEGMENTS[2], body)

    def get_segment(self, name):
        return self.custom.get_namespaced_custom_object(*SEGMENTS[:2], self.ns, SEGMENTS[2], name)

    def replace_segment(self, name, body):
        return self.custom.replace_namespaced_custom_object(*SEGMENTS[:2], self.ns, SEGMENTS[2], name, body)

    def patch_segment(self, name, body):
        return self.custom.patch_namespaced_custom_object(*SEGMENTS[:2], self.ns, SEGMENTS[2], name, body)

    def delete_segment(self, name, **kwargs):
        return self.custom.delete_namespaced_custom_object(*SEGMENTS[:2], self.ns, SEGMENTS[2], name, **kwargs)

    def replace_segment_status(self, name, body):
        return self.custom.replace_namespaced_custom_object_status(*SEGMENTS[:2], self.ns, SEGMENTS[2], name, body)

    def patch_segment_status(self, name, body):
        return self.custom.patch_namespaced_custom_object_status(*SEGMENTS[:2], self.ns, SEGMENTS[2], name, body)
