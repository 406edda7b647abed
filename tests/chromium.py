"""Debian's Chromium through Selenium, on a phone's screen, for the site tests and the docs'
screenshots."""

from selenium import webdriver
from selenium.webdriver.chrome.service import Service

PHONE = (390, 844)


def phone_browser(javascript: bool = True) -> webdriver.Chrome:
    """Headless Chromium at 390×844 that may play audio unprompted and keeps its console log."""
    options = webdriver.ChromeOptions()
    options.binary_location = "/usr/bin/chromium"
    for argument in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--mute-audio",
                     f"--window-size={PHONE[0]},{PHONE[1]}",
                     "--autoplay-policy=no-user-gesture-required"):
        options.add_argument(argument)
    if not javascript:
        options.add_experimental_option(
            "prefs", {"profile.managed_default_content_settings.javascript": 2})
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    driver = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)
    driver.set_window_size(*PHONE)
    return driver
