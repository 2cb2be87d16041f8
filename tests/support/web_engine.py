"""What QtWebEngine prints on a headless machine, which tests of the rich preview let pass.

Software rendering here: Chromium reports the missing GPU, Vulkan and D-Bus as Qt warnings,
which would otherwise fail the test (``qt_log_level_fail``). Nothing else is let through.
"""

from __future__ import annotations

import pytest

WEB_ENGINE_NOISE = pytest.mark.qt_log_ignore(
    "QRhiGles2",
    "Failed to create RHI",
    "QVulkanInstance",
    "GBM is not supported",
    "createPlatformVulkanInstance",
    "GPUInfo not initialized",
    "Unable to detect GPU vendor",  # Mesa llvmpipe, when a display (Xvfb) is present
    "Failed to connect to the bus",  # no system D-Bus in a container
)
