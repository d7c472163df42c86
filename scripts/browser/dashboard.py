"""Drives the monitor's dashboard in headless Chromium (selenium) for the browser test.

Usage: dashboard.py BASE_URL USER PASSWORD TASK_ID

Loads the dashboard, checks every section and that the drift plots rendered (each histogram
SVG has bars, some of non-zero height), then clicks the approve button of TASK_ID with the
reviewer's HTTP Basic credentials sent by the browser. Prints one JSON object with what it saw;
exits non-zero on the first failed check.
"""
import base64
import json
import sys

from selenium import webdriver
from selenium.webdriver.chrome.options import Options
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait


def main() -> int:
    base, user, password, task = sys.argv[1:5]
    options = Options()
    for argument in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu"):
        options.add_argument(argument)
    driver = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)
    try:
        driver.get(base + "/")
        sections = [element.get_attribute("id") for element in driver.find_elements(By.TAG_NAME, "section")]
        histograms = driver.find_elements(By.CSS_SELECTOR, "svg.histogram")
        drawn = 0
        for svg in histograms:
            heights = [float(rect.get_attribute("height")) for rect in svg.find_elements(By.TAG_NAME, "rect")]
            size = svg.size
            if heights and max(heights) > 0 and size["width"] > 0 and size["height"] > 0:
                drawn += 1
        token = base64.b64encode(f"{user}:{password}".encode()).decode()
        driver.execute_cdp_cmd("Network.enable", {})
        driver.execute_cdp_cmd("Network.setExtraHTTPHeaders", {"headers": {"Authorization": "Basic " + token}})
        driver.find_element(By.ID, "approve-" + task).click()
        WebDriverWait(driver, 20).until(lambda d: d.current_url.endswith("/#review-queue"))
        print(json.dumps({"sections": sections, "histograms": len(histograms), "drawn": drawn, "after": driver.current_url}))
        return 0
    finally:
        driver.quit()


if __name__ == "__main__":
    sys.exit(main())
