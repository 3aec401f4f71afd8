"""Pods run to completion and their logs (KUBE-SEMANTICS item 14)."""
import time

from kubernetes import client, watch
from kubernetes.client.rest import ApiException

from .support import case, check, eventually, is_gone, meta, status_body


def create_pod(c, name, script, **container):
    pod = client.V1Pod(metadata=meta(name), spec=client.V1PodSpec(
        restart_policy="Never", termination_grace_period_seconds=1, volumes=container.pop("volumes", None),
        containers=[client.V1Container(name="main", image=c.image, command=["/bin/sh", "-c", script], **container)]))
    deadline = time.monotonic() + 30
    while True:
        try:
            return c.core.create_namespaced_pod(c.ns, pod)
        except ApiException as error:
            # A real cluster refuses pods until the namespace's default service account exists.
            if error.status != 403 or "serviceaccount" not in status_body(error).get("message", "") \
                    or time.monotonic() > deadline:
                raise
            time.sleep(0.5)


def phases_until_finished(c, name, timeout=180):
    """The distinct phases a watch sees until the pod ends, and the final pod."""
    stream = watch.Watch()
    phases, pod = [], None
    for event in stream.stream(c.core.list_namespaced_pod, c.ns, field_selector=f"metadata.name={name}",
                               timeout_seconds=timeout):
        pod = event["object"]
        if not phases or phases[-1] != pod.status.phase:
            phases.append(pod.status.phase)
        if pod.status.phase in ("Succeeded", "Failed"):
            stream.stop()
            break
    return phases, pod


def terminated(pod):
    statuses = pod.status.container_statuses or []
    check(len(statuses) == 1 and statuses[0].state.terminated, f"one terminated container: {statuses}")
    return statuses[0].state.terminated


@case("pod-runs-to-succeeded")
def pod_runs_to_succeeded(c):
    create_pod(c, "runner", "echo started; sleep 3; echo finished")
    phases, pod = phases_until_finished(c, "runner")
    check(phases[-1:] == ["Succeeded"] and "Running" in phases, f"Pending -> Running -> Succeeded: {phases}")
    state = terminated(pod)
    check((state.exit_code, state.reason) == (0, "Completed"), f"exit 0 is Completed: {state}")
    log = c.core.read_namespaced_pod_log("runner", c.ns, container="main")
    check(log == "started\nfinished\n", f"the log holds the output: {log!r}")


@case("pod-fails-with-exit-code")
def pod_fails_with_exit_code(c):
    create_pod(c, "failer", "echo oops >&2; exit 3")
    phases, pod = phases_until_finished(c, "failer")
    check(phases[-1:] == ["Failed"], f"a non-zero exit fails the pod: {phases}")
    state = terminated(pod)
    check((state.exit_code, state.reason) == (3, "Error"), f"exit 3 is Error: {state}")
    log = c.core.read_namespaced_pod_log("failer", c.ns)
    check(log == "oops\n", f"stderr is in the log: {log!r}")


@case("pod-env-and-volumes")
def pod_env_and_volumes(c):
    c.core.create_namespaced_secret(c.ns, client.V1Secret(metadata=meta("pod-creds"), string_data={"token": "s3cr3t"}))
    env = [
        client.V1EnvVar(name="TOKEN", value_from=client.V1EnvVarSource(
            secret_key_ref=client.V1SecretKeySelector(name="pod-creds", key="token"))),
        client.V1EnvVar(name="POD_NAME", value_from=client.V1EnvVarSource(
            field_ref=client.V1ObjectFieldSelector(field_path="metadata.name"))),
    ]
    volumes = [client.V1Volume(name="scratch", empty_dir=client.V1EmptyDirVolumeSource()),
               client.V1Volume(name="creds", secret=client.V1SecretVolumeSource(secret_name="pod-creds"))]
    mounts = [client.V1VolumeMount(name="scratch", mount_path="/scratch"),
              client.V1VolumeMount(name="creds", mount_path="/creds", read_only=True)]
    create_pod(c, "env", 'echo "$POD_NAME $TOKEN" > /scratch/out; cat /scratch/out; cat /creds/token; echo',
               env=env, volumes=volumes, volume_mounts=mounts)
    phases, _ = phases_until_finished(c, "env")
    log = c.core.read_namespaced_pod_log("env", c.ns)
    check(phases[-1:] == ["Succeeded"] and log == "env s3cr3t\ns3cr3t\n",
          f"secretKeyRef, fieldRef, emptyDir and secret volumes reach the container: {phases} {log!r}")


@case("pod-log-follow")
def pod_log_follow(c):
    create_pod(c, "follower", "for i in 1 2 3 4 5; do echo line $i; sleep 1; done")
    eventually(lambda: c.core.read_namespaced_pod("follower", c.ns).status.phase == "Running",
               "the pod runs", timeout=120)
    lines, phase_at_first_line = [], None
    for line in watch.Watch().stream(c.core.read_namespaced_pod_log, "follower", c.ns, follow=True):
        if not lines:
            phase_at_first_line = c.core.read_namespaced_pod("follower", c.ns).status.phase
        lines.append(line)
    check(lines == [f"line {i}" for i in range(1, 6)], f"follow streams every line, then ends: {lines}")
    check(phase_at_first_line == "Running", f"lines arrive while the pod runs (phase {phase_at_first_line})")


@case("pod-delete-stops-a-running-pod")
def pod_delete_stops_a_running_pod(c):
    # exec: sleep is the container's main process. LocalCluster runs no PID namespace, so a child left behind by a
    # main process that exits on SIGTERM would keep running (a real container dies with its PID 1).
    create_pod(c, "sleeper", "echo sleeping; exec sleep 300")
    eventually(lambda: c.core.read_namespaced_pod("sleeper", c.ns).status.phase == "Running", "the pod runs",
               timeout=120)
    c.core.delete_namespaced_pod("sleeper", c.ns, grace_period_seconds=1)
    eventually(lambda: is_gone(c.core.read_namespaced_pod, "sleeper", c.ns),
               "the kubelet stops the container and the pod goes", timeout=60)
