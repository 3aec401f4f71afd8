#!/usr/bin/python3 -B
"""The Kubernetes contract suite through the official Python client (Debian's python3-kubernetes), against
LocalCluster (SegRestore.LocalCluster.Tests runs it) or any real cluster:

    tests/interop/kube-contract.py --kubeconfig "$KUBECONFIG"

Each case prints one JSON line {"case": ..., "ok": true|false, "detail": ...}; the exit code is 0 when every case
passed, 1 when one failed, 2 when the suite could not start. It works in a namespace of its own (deleted at the end)
and installs the PointRestoreSegment CRD from crds/ when the cluster lacks it (and then removes it again). On a real
cluster, no SegRestore operator may watch that namespace: it would reconcile the suite's segments.

Options: --image for the pods (default busybox:1.36; LocalCluster maps its own image names to local commands),
--churn N writes before the 410 case (a server that keeps fewer than N events then has discarded resourceVersion 1),
--case NAME (repeatable) to run only some cases, --list to print the case names."""
import argparse
import json
import os
import sys
import time
import traceback
import uuid

try:
    import yaml
    from kubernetes import client, config
    from kubernetes.client.rest import ApiException
except ImportError as error:
    MISSING = error
else:
    MISSING = None

CRD = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "crds",
                   "segrestore.io_pointrestoresegments.yaml")
CRD_NAME = "pointrestoresegments.segrestore.io"


def report(name, ok, detail):
    print(json.dumps({"case": name, "ok": ok, "detail": detail}), flush=True)


def parse_args():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--kubeconfig", default=os.environ.get("KUBECONFIG", "").split(":")[0] or None)
    parser.add_argument("--crd", default=CRD)
    parser.add_argument("--image", default="busybox:1.36")
    parser.add_argument("--churn", type=int, default=0)
    parser.add_argument("--case", action="append", dest="cases")
    parser.add_argument("--list", action="store_true")
    return parser.parse_args()


def run_case(cluster, name, function):
    from kubecontract.support import Failed, NotServed
    started = time.monotonic()
    try:
        function(cluster)
    except NotServed as missing:
        print(f"kube-contract: {name} not run: the server does not serve {missing}", file=sys.stderr)
        return True
    except Exception as error:  # noqa: BLE001 - every failure is reported, with the server's answer
        detail = str(error) if isinstance(error, Failed) else "".join(traceback.format_exception(error))[-4000:]
        report(name, False, detail)
        return False
    report(name, True, f"passed in {time.monotonic() - started:.1f}s")
    return True


def create_crd_if_missing(cluster, path):
    """Creates the CRD unless the cluster has it; True when this run created it (and so removes it at the end)."""
    try:
        cluster.extensions.read_custom_resource_definition(CRD_NAME)
        return False
    except ApiException as error:
        if error.status != 404:
            raise
    with open(path, encoding="utf-8") as file:
        cluster.extensions.create_custom_resource_definition(yaml.safe_load(file))
    return True


def wait_until_segments_are_served(cluster):
    from kubecontract.support import SEGMENTS, eventually

    def served():
        try:
            return cluster.custom.list_namespaced_custom_object(*SEGMENTS[:2], cluster.ns, SEGMENTS[2]) is not None
        except ApiException as error:
            if error.status == 404:
                return False
            raise
    eventually(served, f"{CRD_NAME} is served")


def main():
    args = parse_args()
    if MISSING is not None:
        report("setup", False, f"python3-kubernetes is missing ({MISSING}): run tests/setup/deps.sh "
                               "(apt-get install python3-kubernetes)")
        return 2
    # Importing the case modules registers their cases, in this order.
    from kubecontract import objects, segments, watches, deletion, coordination, pods  # noqa: F401
    from kubecontract.support import CASES, Cluster

    if args.list:
        print("\n".join(name for name, _ in CASES))
        return 0
    unknown = set(args.cases or []) - {name for name, _ in CASES}
    if unknown:
        report("setup", False, f"no such case: {', '.join(sorted(unknown))} (--list names them)")
        return 2

    cluster, created_crd = None, False
    try:
        config.load_kube_config(config_file=args.kubeconfig)
        api_client = client.ApiClient()
        namespace = "py-" + uuid.uuid4().hex[:10]
        client.CoreV1Api(api_client).create_namespace(client.V1Namespace(metadata=client.V1ObjectMeta(name=namespace)))
        cluster = Cluster(api_client, namespace, args.image, args.churn)
        created_crd = create_crd_if_missing(cluster, args.crd)
        wait_until_segments_are_served(cluster)
    except Exception:  # noqa: BLE001 - no case can run; say why
        report("setup", False, traceback.format_exc()[-4000:])
        if cluster is not None:
            cleanup(cluster, created_crd)
        return 2

    ok = True
    try:
        for name, function in CASES:
            if not args.cases or name in args.cases:
                ok = run_case(cluster, name, function) and ok
    finally:
        ok = cleanup(cluster, created_crd) and ok
    return 0 if ok else 1


def cleanup(cluster, created_crd):
    try:
        cluster.core.delete_namespace(cluster.ns)
        if created_crd:
            cluster.extensions.delete_custom_resource_definition(CRD_NAME)
    except Exception:  # noqa: BLE001 - a real cluster must not keep what the suite made
        report("cleanup", False, traceback.format_exc()[-4000:])
        return False
    return True


if __name__ == "__main__":
    sys.exit(main())
