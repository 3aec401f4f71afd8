"""Cases of the Python Kubernetes client contract suite (tests/interop/kube-contract.py)."""
