# SPDX-License-Identifier: GPL-3.0-or-later
"""bench/films.py - the film figures of bench/run (issue 12): vitrine playing
a 1080p30 H.264 film fullscreen under Xvfb (no GPU), against plain mpv
playing the same file in the same run.

One vitrine session per repetition gives every figure: a lecture whose slide
1 is text and slide 2 the film; Right turns to the film (first frame), the
film plays for `film_s` seconds (frames shown, CPU), F8 seeks 10 s on (the
first frame from there), K pauses it (CPU while paused); then a second
session plays the 4K film (report only). The films are made here with
ffmpeg (a test pattern with a frame counter and a tone), once per corpus.

What is compared with what: mpv with `--vo=x11` (software scaling and
conversion, the picture put into an X window by XShm) on the same Xvfb,
sound to `--ao=null` on both sides (vitrine: VITRINE_MEDIA_AO=null). That is
like with like: vitrine's worker renders with libmpv's software render API
and vitrine puts the frame into an X window through SDL, without a GPU
either. `--vo=null` would leave out the half of the work that puts pixels on
a screen, and `--vo=gpu` would be llvmpipe's OpenGL, a different path.
"""
import json
import os
import socket
import subprocess
import time

FPS = 30


def make_film(corpus, w, h, seconds):
    """An H.264 test pattern (with ffmpeg's frame counter) and a 440 Hz tone."""
    path = os.path.join(corpus, f"film-{w}x{h}-{seconds}s.mp4")
    if os.path.exists(path):
        return path
    subprocess.run(["ffmpeg", "-v", "error", "-y",
                    "-f", "lavfi", "-i", f"testsrc2=s={w}x{h}:r={FPS}:d={seconds}",
                    "-f", "lavfi", "-i", f"sine=f=440:d={seconds}",
                    "-c:v", "libx264", "-preset", "veryfast", "-pix_fmt", "yuv420p", "-g", str(2 * FPS),
                    "-c:a", "aac", "-shortest", path + ".tmp.mp4"], check=True)
    os.replace(path + ".tmp.mp4", path)
    return path


def write_library(corpus, name, w, h, seconds):
    """An exhibition folder holding its film (a manifest names it relatively)."""
    lib = os.path.join(corpus, f"films-{name}")
    os.makedirs(lib, exist_ok=True)
    film = make_film(lib, w, h, seconds)
    with open(os.path.join(lib, "exhibition.json"), "w") as f:
        json.dump({"id": f"bench-{name}", "title": "Benchmark films", "languages": ["en"],
                   "slides": [{"text": "Before the film"},
                              {"video": os.path.basename(film), "title": "A film"}]}, f)
    return lib, film


def cpu_percent(fam, seconds):
    return fam.idle_percent(seconds)


def film_frames(v, t_from, t_to):
    return [(ns, kv) for ns, name, kv in v.trace.events
            if name == "film-frame" and t_from <= ns <= t_to]


def presented_after(v, i):
    """The first `frame` (presented) after event i: (index, ns)."""
    return v.wait(lambda name, kv: name == "frame", start=i + 1)


def vitrine_film(ctx, b, lib, ex_id, tag, seek=True):
    """One session: first frame, playing, seek, paused. b is bench/run's module."""
    settings = os.path.join(ctx.traces, "film-settings.json")
    with open(settings, "w") as f:
        json.dump({"keys": {"film_forward": ["F8"]}}, f)
    os.environ["VITRINE_MEDIA_AO"] = "null"  # as mpv's --ao=null: both decode the sound
    plain, ctx.settings = ctx.settings, settings
    try:
        v = b.Vitrine(ctx, ["--lecture", "--exhibition", ex_id, lib], tag)
    finally:
        del os.environ["VITRINE_MEDIA_AO"]
        ctx.settings = plain
    fam = b.Family(v.p.pid)
    out = {}
    try:
        i, _ = v.wait(lambda name, kv: name == "frame" and kv.get("slide") == "1")
        v.focus()
        time.sleep(ctx.settle)
        fam.sample()
        # the page turn to the film: key sent to its first frame presented
        t_send = ctx.input.key("Right")
        i, _ = v.wait(lambda name, kv: name == "film-frame", start=i + 1, timeout=20.0)
        i, t_first = presented_after(v, i)
        out["first"] = (t_first - t_send) / 1e6
        time.sleep(1.0)   # past the start's decoder warm-up
        # playing: frames shown and CPU over film_s
        t_a = b.now_ns()
        out["cpu"] = cpu_percent(fam, ctx.film_s)
        t_b = b.now_ns()
        v.trace.poll()
        shown = len(film_frames(v, t_a, t_b))
        want = (t_b - t_a) / 1e9 * FPS
        out["shown"], out["want"] = shown, want
        out["dropped"] = max(0.0, 100.0 * (1.0 - shown / want))
        fam.sample()
        if seek:
            # a seek 10 s on: key sent to the first frame from there presented
            frames = film_frames(v, t_a, t_b)
            at = int(frames[-1][1].get("pts_ms", "0")) if frames else 0
            i = len(v.trace.events) - 1
            t_send = ctx.input.key("F8")
            i, _ = v.wait(lambda name, kv: name == "film-frame" and int(kv.get("pts_ms", "0")) >= at + 9000,
                          start=i + 1)
            i, t_seek = presented_after(v, i)
            out["seek"] = (t_seek - t_send) / 1e6
            time.sleep(1.0)
            # paused: CPU with the film standing still
            ctx.input.key("k")
            time.sleep(ctx.settle)
            out["paused"] = cpu_percent(fam, ctx.idle_s)
        out["memory"] = fam.sample()
        if v.p.poll() is not None:
            raise b.VitrineEnded("vitrine ended during the film")
        return out
    finally:
        v.stop()


def mpv_ipc(path, *command):
    s = socket.socket(socket.AF_UNIX)
    s.settimeout(5)
    s.connect(path)
    s.sendall((json.dumps({"command": list(command)}) + "\n").encode())
    buf = b""
    while True:
        buf += s.recv(65536)
        for line in buf.split(b"\n"):
            if b'"error"' in line:
                s.close()
                return json.loads(line)
        if not buf:
            break


def mpv_film(ctx, b, film, tag):
    """Plain mpv on the same file, fullscreen on the same Xvfb: CPU over film_s
    and the frames it dropped (decoder and output)."""
    sock = os.path.join(ctx.traces, f"mpv-{tag}.sock")
    env = dict(os.environ, DISPLAY=ctx.display)
    log_f = open(os.path.join(ctx.traces, f"mpv-{tag}.log"), "w")
    b.warm([film])
    p = subprocess.Popen(["mpv", "--no-config", "--fs", "--vo=x11", "--ao=null", "--hwdec=no", "--keep-open=yes",
                          "--osc=no", "--osd-level=0", f"--input-ipc-server={sock}", film],
                         env=env, stdout=log_f, stderr=log_f)
    fam = b.Family(p.pid, workers=False)
    try:
        for _ in range(100):
            if os.path.exists(sock):
                break
            time.sleep(0.05)
        time.sleep(1.0)   # as vitrine: past the start
        drops0 = mpv_drops(sock)
        cpu = cpu_percent(fam, ctx.film_s)
        drops = mpv_drops(sock) - drops0
        return {"cpu": cpu, "dropped": 100.0 * drops / (ctx.film_s * FPS), "memory": fam.sample()}
    finally:
        if p.poll() is None:
            p.terminate()
            try:
                p.wait(5)
            except subprocess.TimeoutExpired:
                p.kill()
                p.wait()
        log_f.close()


def mpv_drops(sock):
    total = 0
    for prop in ("frame-drop-count", "decoder-frame-drop-count"):
        r = mpv_ipc(sock, "get_property", prop)
        if r and isinstance(r.get("data"), (int, float)):
            total += r["data"]
    return total


def session(ctx, b, rep):
    """Every film figure of repetition rep (run once, read by each figure)."""
    if ctx.film_session[0] == rep:
        if isinstance(ctx.film_session[1], Exception):
            raise ctx.film_session[1]   # one failed session, not one per figure
        return ctx.film_session[1]
    try:
        s = run_session(ctx, b, rep)
    except Exception as e:
        ctx.film_session = (rep, e)
        raise
    ctx.film_session = (rep, s)
    return s


def run_session(ctx, b, rep):
    if not hasattr(ctx, "film_lib"):
        secs = int(ctx.film_s + 20)    # the played part, the seek and the pause fit in it
        ctx.film_lib, ctx.film_1080 = write_library(ctx.corpus, "1080", 1920, 1080, secs)
        if not ctx.quick:
            ctx.film_lib_4k, ctx.film_4k = write_library(ctx.corpus, "4k", 3840, 2160, int(ctx.film_s + 5))
    s = {"vitrine": vitrine_film(ctx, b, ctx.film_lib, "bench-1080", f"film-{rep}"), "mpv": None,
         "vitrine_4k": None, "mpv_4k": None}
    if not ctx.quick:
        s["vitrine_4k"] = vitrine_film(ctx, b, ctx.film_lib_4k, "bench-4k", f"film4k-{rep}", seek=False)
    if ctx.peers and not ctx.quick and b.shutil.which("mpv"):
        try:
            s["mpv"] = mpv_film(ctx, b, ctx.film_1080, f"1080-{rep}")
            s["mpv_4k"] = mpv_film(ctx, b, ctx.film_4k, f"4k-{rep}")
        except (b.BenchError, subprocess.SubprocessError, OSError) as e:
            ctx.peer_failures.setdefault("mpv", []).append(str(e))
            b.log(f"bench: mpv: {e}")
    return s
