"""Screenshots of a published site on a phone's screen, for docs/: the issue page as it opens
and the index. Usage: python tools/site_screenshots.py SITE_FOLDER ISSUE_SLUG"""

from __future__ import annotations

import sys
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))

from chromium import phone_browser  # noqa: E402

from tts_pipeline.publish.serve import site_server  # noqa: E402


def main() -> None:
    site, slug = Path(sys.argv[1]), sys.argv[2]
    server = site_server(site, port=0)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    driver = phone_browser()
    try:
        for page, name in ((f"{slug}/", "site-issue-phone.png"), ("", "site-index-phone.png")):
            driver.get(f"http://127.0.0.1:{server.server_port}/{page}")
            time.sleep(1.0)
            driver.save_screenshot(str(ROOT / "docs" / name))
            print(f"wrote docs/{name}")
    finally:
        driver.quit()
        server.shutdown()


if __name__ == "__main__":
    main()
