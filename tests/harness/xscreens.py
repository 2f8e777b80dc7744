"""A throwaway X server with two screens side by side, as Qt sees a laptop and a projector.

`Xvfb :N +xinerama -screen 0 … -screen 1 …` gives two Xinerama heads, but Qt 6 reads
screens from RandR only (its Xinerama support is gone), and Xvfb's RandR reports one. So
the server gets one root as wide as both screens, and two RandR 1.5 monitors are laid on
it (what `xrandr --setmonitor` does; xrandr itself is often not installed, libXrandr is).

    with two_screens((1280, 800), (1920, 1080)) as display:  # ":N", or pytest skips
        subprocess.run(..., env={"DISPLAY": display, "QT_QPA_PLATFORM": "xcb"})
"""

from __future__ import annotations

import ctypes
import ctypes.util
import os
import shutil
import subprocess
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

SOCKETS = Path("/tmp/.X11-unix")


def free_display() -> int:
    for number in range(90, 400):
        if not (SOCKETS / f"X{number}").exists() and not Path(f"/tmp/.X{number}-lock").exists():
            return number
    raise RuntimeError("no free X display number")


class _Monitor(ctypes.Structure):
    _fields_ = [
        ("name", ctypes.c_ulong),
        ("primary", ctypes.c_int),
        ("automatic", ctypes.c_int),
        ("noutput", ctypes.c_int),
        ("x", ctypes.c_int),
        ("y", ctypes.c_int),
        ("width", ctypes.c_int),
        ("height", ctypes.c_int),
        ("mwidth", ctypes.c_int),
        ("mheight", ctypes.c_int),
        ("outputs", ctypes.POINTER(ctypes.c_ulong)),
    ]


class _Resources(ctypes.Structure):
    _fields_ = [
        ("timestamp", ctypes.c_ulong),
        ("configTimestamp", ctypes.c_ulong),
        ("ncrtc", ctypes.c_int),
        ("crtcs", ctypes.POINTER(ctypes.c_ulong)),
        ("noutput", ctypes.c_int),
        ("outputs", ctypes.POINTER(ctypes.c_ulong)),
    ]


def set_monitors(display: str, monitors: list[tuple[str, int, int, int, int]]) -> None:
    """Lay RandR monitors (name, x, y, width, height) on the root of `display`; the first is
    the primary and takes over the server's output."""
    x11 = ctypes.CDLL(ctypes.util.find_library("X11") or "libX11.so.6")
    xrandr = ctypes.CDLL(ctypes.util.find_library("Xrandr") or "libXrandr.so.2")
    x11.XOpenDisplay.restype = ctypes.c_void_p
    x11.XOpenDisplay.argtypes = [ctypes.c_char_p]
    x11.XDefaultRootWindow.restype = ctypes.c_ulong
    x11.XDefaultRootWindow.argtypes = [ctypes.c_void_p]
    x11.XInternAtom.restype = ctypes.c_ulong
    x11.XInternAtom.argtypes = [ctypes.c_void_p, ctypes.c_char_p, ctypes.c_int]
    x11.XSync.argtypes = [ctypes.c_void_p, ctypes.c_int]
    x11.XCloseDisplay.argtypes = [ctypes.c_void_p]
    xrandr.XRRAllocateMonitor.restype = ctypes.POINTER(_Monitor)
    xrandr.XRRAllocateMonitor.argtypes = [ctypes.c_void_p, ctypes.c_int]
    xrandr.XRRSetMonitor.argtypes = [ctypes.c_void_p, ctypes.c_ulong, ctypes.POINTER(_Monitor)]
    xrandr.XRRGetScreenResources.restype = ctypes.POINTER(_Resources)
    xrandr.XRRGetScreenResources.argtypes = [ctypes.c_void_p, ctypes.c_ulong]
    dpy = x11.XOpenDisplay(display.encode())
    if not dpy:
        raise RuntimeError(f"cannot open display {display}")
    try:
        major, minor = ctypes.c_int(), ctypes.c_int()
        xrandr.XRRQueryVersion.argtypes = [
            ctypes.c_void_p,
            ctypes.POINTER(ctypes.c_int),
            ctypes.POINTER(ctypes.c_int),
        ]
        if not xrandr.XRRQueryVersion(dpy, ctypes.byref(major), ctypes.byref(minor)) or (
            major.value,
            minor.value,
        ) < (1, 5):
            raise RuntimeError(f"RandR 1.5 is needed, {display} has {major.value}.{minor.value}")
        root = x11.XDefaultRootWindow(dpy)
        resources = xrandr.XRRGetScreenResources(dpy, root)
        output = resources.contents.outputs[0] if resources.contents.noutput else 0
        for i, (name, x, y, width, height) in enumerate(monitors):
            monitor = xrandr.XRRAllocateMonitor(dpy, 1 if i == 0 and output else 0).contents
            monitor.name = x11.XInternAtom(dpy, name.encode(), 0)
            monitor.primary = int(i == 0)
            monitor.automatic = 0
            monitor.x, monitor.y, monitor.width, monitor.height = x, y, width, height
            monitor.mwidth, monitor.mheight = width * 254 // 960, height * 254 // 960  # 96 dpi
            if i == 0 and output:
                monitor.outputs[0] = output
            xrandr.XRRSetMonitor(dpy, root, ctypes.byref(monitor))
        x11.XSync(dpy, 0)
    finally:
        x11.XCloseDisplay(dpy)


@contextmanager
def two_screens(first: tuple[int, int], second: tuple[int, int]) -> Iterator[str]:
    """An Xvfb display with `first` (the laptop, primary) and `second` side by side."""
    import pytest

    if shutil.which("Xvfb") is None:
        pytest.skip("Xvfb is not installed: the two-screen check needs a real X server")
    number = free_display()
    display = f":{number}"
    width, height = first[0] + second[0], max(first[1], second[1])
    server = subprocess.Popen(
        ["Xvfb", display, "-screen", "0", f"{width}x{height}x24", "-nolisten", "tcp", "-noreset"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    try:
        deadline = time.monotonic() + 15
        while not (SOCKETS / f"X{number}").exists():
            if server.poll() is not None or time.monotonic() > deadline:
                pytest.skip(f"Xvfb did not start on {display}: {server.stderr.read()[:200]!r}")
            time.sleep(0.05)
        set_monitors(
            display,
            [
                ("LAPTOP", 0, 0, first[0], first[1]),
                ("PROJECTOR", first[0], 0, second[0], second[1]),
            ],
        )
        yield display
    finally:
        server.terminate()
        try:
            server.wait(timeout=10)
        except subprocess.TimeoutExpired:
            os.kill(server.pid, 9)
            server.wait()
