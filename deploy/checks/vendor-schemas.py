#!/usr/bin/env python3
"""Writes the schemas deploy/checks validates the rendered manifests against (src/test/resources/schemas).

Nothing is downloaded at test time: this script takes the schemas out of local git clones of the upstream
repositories, at the tags named below, and keeps only what the checks need:

  * the Kubernetes API (swagger.json of kubernetes-sigs/reference-docs, generated from kubernetes/kubernetes
    with the API enums) of the oldest and the newest Kubernetes minor the suite supports: only the definitions
    reachable from the kinds in KINDS;
  * the CustomResourceDefinitions of the operators' releases the README names (Strimzi, CloudNativePG and its
    barman-cloud plugin, Gateway API standard channel): only the kinds in CRDS.

Descriptions are dropped (they are most of the size and no check reads them); nothing else is changed.

    python3 deploy/checks/vendor-schemas.py SOURCES_DIR

SOURCES_DIR holds the clones, each as SOURCES_DIR/<owner>+<name>/repo or SOURCES_DIR/<owner>/<name> (a bare
or normal clone with the tags fetched). To move a version, change it below, run the script, run
`mvn -pl deploy/checks verify`, and read what the checks say (deploy/README.md, "Upgrades").
"""
import hashlib
import json
import os
import subprocess
import sys

import yaml

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "src/test/resources/schemas")

# Kubernetes: the oldest and newest minor supported (CloudNativePG 1.30 supports 1.34-1.36, Strimzi 1.2 1.30+)
KUBERNETES = {
    "1.34": ("kubernetes-sigs/reference-docs", "58cd75edc564e7ff9d47acd987be6ab0f466e7d8",
             "gen-apidocs/config/v1_34/swagger.json"),
    "1.36": ("kubernetes-sigs/reference-docs", "58cd75edc564e7ff9d47acd987be6ab0f466e7d8",
             "gen-apidocs/config/v1_36/swagger.json"),
}
# the built-in kinds the overlays (and their components) may use
KINDS = {
    ("", "v1"): ["Namespace", "ConfigMap", "Secret", "Service"],
    ("apps", "v1"): ["Deployment", "StatefulSet"],
    ("policy", "v1"): ["PodDisruptionBudget"],
    ("autoscaling", "v2"): ["HorizontalPodAutoscaler"],
    ("networking.k8s.io", "v1"): ["NetworkPolicy", "Ingress"],
}
CRDS = {
    "strimzi-1.2.0": ("strimzi/strimzi-kafka-operator", "1.2.0", [
        "packaging/install/cluster-operator/040-Crd-kafka.yaml",
        "packaging/install/cluster-operator/043-Crd-kafkatopic.yaml",
        "packaging/install/cluster-operator/044-Crd-kafkauser.yaml",
        "packaging/install/cluster-operator/045-Crd-kafkanodepool.yaml",
    ]),
    "cloudnative-pg-1.30.0": ("cloudnative-pg/cloudnative-pg", "v1.30.0", [
        "config/crd/bases/postgresql.cnpg.io_clusters.yaml",
        "config/crd/bases/postgresql.cnpg.io_databases.yaml",
        "config/crd/bases/postgresql.cnpg.io_scheduledbackups.yaml",
    ]),
    "plugin-barman-cloud-0.14.0": ("cloudnative-pg/plugin-barman-cloud", "v0.14.0", [
        "config/crd/bases/barmancloud.cnpg.io_objectstores.yaml",
    ]),
    "gateway-api-1.6.1": ("kubernetes-sigs/gateway-api", "v1.6.1", [
        "config/crd/standard/gateway.networking.k8s.io_gateways.yaml",
        "config/crd/standard/gateway.networking.k8s.io_httproutes.yaml",
    ]),
}


def git_dir(root, repo):
    owner, name = repo.split("/")
    for candidate in (os.path.join(root, owner + "+" + name, "repo"), os.path.join(root, owner, name)):
        if os.path.isdir(candidate):
            return candidate
    sys.exit("no clone of %s below %s" % (repo, root))


def show(root, repo, ref, path):
    directory = git_dir(root, repo)
    commit = subprocess.check_output(["git", "-C", directory, "rev-parse", ref + "^{commit}"], text=True).strip()
    data = subprocess.check_output(["git", "-C", directory, "show", "%s:%s" % (commit, path)])
    return commit, data


def strip(node):
    """The schema without its descriptions (a property named "description" stays)."""
    if isinstance(node, dict):
        result = {}
        for key, value in node.items():
            if key == "description" and isinstance(value, str):
                continue
            if key == "properties" and isinstance(value, dict):
                result[key] = {k: strip(v) for k, v in value.items()}
            else:
                result[key] = strip(value)
        return result
    if isinstance(node, list):
        return [strip(v) for v in node]
    return node


def refs(node, found):
    if isinstance(node, dict):
        ref = node.get("$ref")
        if isinstance(ref, str):
            found.add(ref.split("/")[-1])
        for value in node.values():
            refs(value, found)
    elif isinstance(node, list):
        for value in node:
            refs(value, found)


def write(path, document):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8") as out:
        json.dump(document, out, indent=1, sort_keys=True, ensure_ascii=False)
        out.write("\n")
    print("wrote", os.path.relpath(path, OUT), os.path.getsize(path), "bytes")


def kubernetes(root):
    for minor, (repo, ref, path) in KUBERNETES.items():
        commit, data = show(root, repo, ref, path)
        definitions = json.loads(data)["definitions"]
        wanted = {(g, v, k) for (g, v), kinds in KINDS.items() for k in kinds}
        roots = [name for name, d in definitions.items()
                 if any((gvk.get("group", ""), gvk["version"], gvk["kind"]) in wanted
                        for gvk in d.get("x-kubernetes-group-version-kind", []))]
        missing = wanted - {(g["group"], g["version"], g["kind"]) for n in roots
                            for g in definitions[n]["x-kubernetes-group-version-kind"]}
        if missing:
            sys.exit("Kubernetes %s has no %s" % (minor, sorted(missing)))
        keep, todo = set(), list(roots)
        while todo:
            name = todo.pop()
            if name in keep:
                continue
            keep.add(name)
            found = set()
            refs(definitions[name], found)
            todo.extend(found - keep)
        write(os.path.join(OUT, "kubernetes", minor + ".json"), {
            "source": {"repository": repo, "commit": commit, "path": path,
                       "sha256": hashlib.sha256(data).hexdigest(),
                       "kept": "the definitions reachable from the kinds below, without descriptions"},
            "kinds": sorted("%s/%s %s" % (g, v, k) if g else "%s %s" % (v, k) for g, v, k in wanted),
            "definitions": {name: strip(definitions[name]) for name in sorted(keep)},
        })


def crds(root):
    for release, (repo, ref, paths) in CRDS.items():
        for path in paths:
            commit, data = show(root, repo, ref, path)
            crd = yaml.safe_load(data)
            spec = crd["spec"]
            versions = [{key: strip(value) for key, value in version.items()
                         if key in ("name", "served", "storage", "deprecated", "deprecationWarning", "schema")}
                        for version in spec["versions"]]
            write(os.path.join(OUT, "crds", release, spec["names"]["plural"] + ".json"), {
                "source": {"repository": repo, "ref": ref, "commit": commit, "path": path,
                           "sha256": hashlib.sha256(data).hexdigest(), "kept": "the CRD without descriptions"},
                "apiVersion": crd["apiVersion"],
                "kind": crd["kind"],
                "metadata": {"name": crd["metadata"]["name"]},
                "spec": {"group": spec["group"], "names": spec["names"], "scope": spec["scope"],
                         "versions": versions},
            })


def kafka_versions(root):
    """The Kafka versions the vendored Strimzi release runs (the overlay's spec.kafka.version must be supported)."""
    repo, ref, _ = CRDS["strimzi-1.2.0"]
    commit, data = show(root, repo, ref, "kafka-versions.yaml")
    versions = [{"version": str(v["version"]), "supported": bool(v.get("supported")), "default": bool(v.get("default"))}
                for v in yaml.safe_load(data)]
    write(os.path.join(OUT, "crds", "strimzi-1.2.0", "kafka-versions.json"), {
        "source": {"repository": repo, "ref": ref, "commit": commit, "path": "kafka-versions.yaml",
                   "sha256": hashlib.sha256(data).hexdigest(), "kept": "version, supported, default"},
        "versions": versions,
    })


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    kubernetes(sys.argv[1])
    crds(sys.argv[1])
    kafka_versions(sys.argv[1])
