"""The published issue page in a real browser (Debian's Chromium through Selenium) on a phone's
390×844 screen: it renders, a tapped chapter moves the audio there, the highlighted sentence
follows playback, the place is offered again after a reload, the keyboard works, nothing
fails in the console, it plays without JavaScript, and axe-core finds no accessibility
violation."""

import json
import threading
import time
from pathlib import Path

import pytest
from bulletin import rendered_issue
from chromium import PHONE, phone_browser
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys

from tts_pipeline import publish
from tts_pipeline.publish.serve import site_server
from tts_pipeline.publish.settings import PublishSettings

AXE = Path(__file__).parent / "browser" / "node_modules" / "axe-core" / "axe.min.js"
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]


@pytest.fixture(scope="module")
def served(tmp_path_factory):
    """The sample-like bulletin published and served on 127.0.0.1; yields the issue's URL."""
    folder = tmp_path_factory.mktemp("browser")
    site = folder / "site"
    publish.publish(rendered_issue(folder), PublishSettings(site=str(site),
                                                       base_url="https://bantin.example.vn"))
    server = site_server(site, port=0)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_port}"
    server.shutdown()
    server.server_close()


@pytest.fixture(scope="module")
def browser():
    driver = phone_browser()
    yield driver
    driver.quit()


def _wait(condition, timeout: float = 10.0):
    """The condition's value once it is truthy."""
    deadline = time.monotonic() + timeout
    while True:
        value = condition()
        if value or time.monotonic() > deadline:
            assert value, "timed out waiting"
            return value
        time.sleep(0.1)


def _errors(driver) -> list[str]:
    return [entry["message"] for entry in driver.get_log("browser")
            if entry["level"] == "SEVERE"]


def _open(driver, url: str) -> None:
    driver.get(url)
    _wait(lambda: driver.execute_script(
        "var a = document.getElementById('audio'); return a && a.readyState >= 1"))


def _time(driver) -> float:
    return driver.execute_script("return document.getElementById('audio').currentTime")


def test_phone_page_renders_and_a_tapped_chapter_plays_from_its_start(browser, served,
                                                                      tmp_path):
    _open(browser, f"{served}/so-11/")
    assert browser.execute_script("return window.innerWidth") == PHONE[0]
    assert browser.find_element(By.ID, "trinh-phat").is_displayed()
    assert not any(audio.is_displayed()
                   for audio in browser.find_elements(By.CSS_SELECTOR, ".chapter-audio"))
    play = browser.find_element(By.ID, "phat")
    assert play.size["height"] >= 56 and play.size["width"] >= 250  # a big button
    assert browser.execute_script("return document.documentElement.scrollWidth") <= PHONE[0]
    browser.save_screenshot(str(tmp_path / "issue-phone.png"))
    assert (tmp_path / "issue-phone.png").stat().st_size > 10_000
    third = browser.find_elements(By.CSS_SELECTOR, ".jump")[2]
    start = float(third.get_attribute("data-start"))
    third.click()
    _wait(lambda: abs(_time(browser) - start) < 1.0 and _time(browser) >= start - 0.05)
    _wait(lambda: [item.get_attribute("id") for item in browser.find_elements(
        By.CSS_SELECTOR, ".chapters li[aria-current='true']")] == ["bai-3"])
    assert browser.find_element(By.ID, "dang-nghe").text == third.text
    assert not _errors(browser)


def test_highlighted_sentence_follows_playback(browser, served):
    _open(browser, f"{served}/so-11/")
    cues = browser.find_elements(By.CSS_SELECTOR, ".cue")
    target = cues[len(cues) // 2]
    middle = (float(target.get_attribute("data-start")) + float(target.get_attribute("data-end"))
              ) / 2
    browser.execute_script(f"document.getElementById('audio').currentTime = {middle};")
    _wait(lambda: "current" in target.get_attribute("class"))
    browser.execute_script("document.getElementById('audio').play();")
    time.sleep(2.5)
    browser.execute_script("document.getElementById('audio').pause();")
    now = _time(browser)
    assert now > middle + 1.0  # it played
    highlighted = _wait(lambda: browser.find_elements(By.CSS_SELECTOR, ".cue.current"))
    assert len(highlighted) == 1
    start, end = (float(highlighted[0].get_attribute(name)) for name in ("data-start", "data-end"))
    assert start - 0.3 <= now <= end + 0.3
    assert not _errors(browser)


def test_place_is_offered_again_after_a_reload(browser, served):
    _open(browser, f"{served}/so-11/")
    browser.execute_script("var a = document.getElementById('audio'); a.currentTime = 100;")
    _wait(lambda: abs(_time(browser) - 100) < 0.5)
    time.sleep(0.5)  # the seeked event saves the place
    browser.refresh()
    _open(browser, f"{served}/so-11/")
    resume = _wait(lambda: [b for b in browser.find_elements(By.ID, "nghe-tiep")
                            if b.is_displayed()])[0]
    assert resume.text == "Nghe tiếp từ 1:40"
    resume.click()
    _wait(lambda: abs(_time(browser) - 100) < 1.5)
    assert not resume.is_displayed()
    assert not _errors(browser)


def test_keyboard_plays_and_pauses_and_changes_speed(browser, served):
    _open(browser, f"{served}/so-11/")
    play = browser.find_element(By.ID, "phat")
    play.send_keys(Keys.ENTER)
    _wait(lambda: not browser.execute_script("return document.getElementById('audio').paused"))
    assert play.get_attribute("aria-label") == "Tạm dừng"
    play.send_keys(Keys.SPACE)
    _wait(lambda: browser.execute_script("return document.getElementById('audio').paused"))
    slow = browser.find_element(By.CSS_SELECTOR, ".toc-do[data-rate='0.75']")
    slow.send_keys(Keys.ENTER)
    assert browser.execute_script("return document.getElementById('audio').playbackRate") == 0.75
    assert slow.get_attribute("aria-pressed") == "true"
    before = _time(browser)
    browser.find_element(By.ID, "toi").send_keys(Keys.ENTER)
    _wait(lambda: abs(_time(browser) - (before + 30)) < 0.5)
    assert not _errors(browser)


def test_without_javascript_every_chapter_has_its_own_player(served):
    driver = phone_browser(javascript=False)
    try:
        driver.get(f"{served}/so-11/")
        players = driver.find_elements(By.CSS_SELECTOR, ".chapter-audio")
        assert len(players) == 3 and all(player.is_displayed() for player in players)
        assert not driver.find_element(By.ID, "trinh-phat").is_displayed()
    finally:
        driver.quit()


@pytest.mark.parametrize("page", ["so-11/", ""], ids=["issue", "index"])
def test_axe_finds_no_accessibility_violation(browser, served, page):
    browser.get(f"{served}/{page}")
    browser.execute_script(AXE.read_text(encoding="utf-8"))
    result = browser.execute_async_script(
        "var done = arguments[arguments.length - 1];"
        f"axe.run(document, {{runOnly: {json.dumps(AXE_TAGS)}}})"
        ".then(function (r) { done(r.violations.map(function (v) {"
        " return v.id + ': ' + v.nodes.map(function (n) { return n.target; }).join(' '); })); })"
        ".catch(function (e) { done(['axe failed: ' + e]); });")
    assert result == []
