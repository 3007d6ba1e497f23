#!/usr/bin/env python3
"""Writes a Docker-save tarball of a small JRE made by jlink from a local JDK, for Jib's base image when no registry
is reachable: ./mvnw -Prelease verify -Djib.from.image=tar://$PWD/target/jre-base.tar

Usage: .ci/local-jre-base-image.py JDK_HOME OUTPUT.tar
The JRE lands at /opt/java/openjdk with its bin on PATH, so Jib's entrypoint `java ...` finds it.
"""
import hashlib, io, json, os, shutil, subprocess, sys, tarfile, tempfile

jdk, out = sys.argv[1], os.path.abspath(sys.argv[2])
work = tempfile.mkdtemp()
try:
    jre = os.path.join(work, "jre")
    subprocess.run([os.path.join(jdk, "bin", "jlink"), "--add-modules",
                    "java.se,jdk.crypto.ec,jdk.unsupported,jdk.zipfs,jdk.net",
                    "--strip-debug", "--no-man-pages", "--no-header-files", "--output", jre], check=True)
    layer = os.path.join(work, "layer.tar")
    with tarfile.open(layer, "w") as t:
        t.add(jre, arcname="opt/java/openjdk")
    with open(layer, "rb") as f:
        diff_id = hashlib.sha256(f.read()).hexdigest()
    config = json.dumps({
        "architecture": "amd64", "os": "linux",
        "config": {"Env": ["PATH=/opt/java/openjdk/bin:/usr/bin:/bin", "JAVA_HOME=/opt/java/openjdk"]},
        "rootfs": {"type": "layers", "diff_ids": ["sha256:" + diff_id]},
        "history": [{"created_by": "jlink of " + jdk}]}).encode()
    config_name = hashlib.sha256(config).hexdigest() + ".json"
    manifest = json.dumps([{"Config": config_name, "RepoTags": ["local/jre:latest"],
                            "Layers": [diff_id + "/layer.tar"]}]).encode()
    os.makedirs(os.path.dirname(out) or ".", exist_ok=True)
    with tarfile.open(out, "w") as t:
        for name, data in ((config_name, config), ("manifest.json", manifest)):
            info = tarfile.TarInfo(name)
            info.size = len(data)
            t.addfile(info, io.BytesIO(data))
        t.add(layer, arcname=diff_id + "/layer.tar")
finally:
    shutil.rmtree(work)
print(out)
