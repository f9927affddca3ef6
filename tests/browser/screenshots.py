"""Screenshots of every page the browser tests visit, at desktop and phone widths.

    .venv/bin/python -m tests.browser.screenshots [more pytest arguments]

runs tests/browser with ILACS_SCREENSHOTS=1 and lists what it saved in /tmp/shots/browser/
(ILACS_SHOTS_DIR changes /tmp/shots). Each page is NAME-desktop.png (1280 wide) and
NAME-mobile.png (375 wide), full length; inspection-phone-mobile.png is a real phone context.
"""

from __future__ import annotations

import os
import shutil
import sys
from pathlib import Path


def main(argv: list[str]) -> int:
    # Read by tests.browser.support, which pytest imports (after setting up Django).
    os.environ["ILACS_SCREENSHOTS"] = "1"
    folder = Path(os.environ.get("ILACS_SHOTS_DIR", "/tmp/shots")) / "browser"
    shutil.rmtree(folder, ignore_errors=True)

    import pytest

    status = pytest.main(["tests/browser", "-q", "-p", "no:cacheprovider", *argv])
    shots = sorted(folder.glob("*.png")) if folder.is_dir() else []
    print(f"\n{len(shots)} screenshots in {folder}/")
    for path in shots:
        print(f"  {path.name}")
    return int(status)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
