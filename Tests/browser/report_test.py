#!/usr/bin/env python3
"""Opens a malkoll HTML report in headless Chromium and checks it as a reviewer
would use it: goals, verdicts and findings are there; the filters and keys work
(real mouse clicks and key presses); there are no console errors; the page reads
without JavaScript and on a phone. Prints the load time and writes screenshots.

Drives Chromium over the DevTools protocol on a pipe (--remote-debugging-pipe):
Python's standard library only, no driver binary, no network, no port.

    report_test.py REPORT.html [--screenshot PNG] [--phone-screenshot PNG] [--json]

Exit codes: 0 all checks passed, 1 a check failed, 77 no Chromium found
(MALKOLL_CHROMIUM names the binary; otherwise chromium, chromium-browser,
google-chrome and google-chrome-stable are looked up on PATH).
"""
import argparse
import base64
import json
import os
import select
import shutil
import subprocess
import sys
import tempfile
import time

SKIP = 77


def find_chromium():
    explicit = os.environ.get("MALKOLL_CHROMIUM")
    if explicit:
        return explicit if os.access(explicit, os.X_OK) else None
    for name in ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable"):
        path = shutil.which(name)
        if path:
            return path
    return None


class Browser:
    """Chromium with a DevTools pipe: fd 3 carries our commands in, fd 4 its
    answers and events out, each message JSON ended by a NUL byte."""

    def __init__(self, binary):
        self.profile = tempfile.mkdtemp(prefix="malkoll-chromium-")
        to_child_r, self.to_child = os.pipe()
        self.from_child, from_child_w = os.pipe()
        # Keep our ends clear of 3 and 4, which the child's ends become.
        self.to_child = self._high(self.to_child)
        self.from_child = self._high(self.from_child)
        to_child_r, from_child_w = self._high(to_child_r), self._high(from_child_w)

        def child_fds():
            os.dup2(to_child_r, 3)
            os.dup2(from_child_w, 4)

        args = [binary, "--headless=new", "--remote-debugging-pipe", "--user-data-dir=" + self.profile,
                "--disable-gpu", "--no-first-run", "--no-default-browser-check", "--disable-extensions",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-default-apps", "--disable-dev-shm-usage", "--hide-scrollbars", "--mute-audio",
                "--allow-file-access-from-files", "about:blank"]
        if os.geteuid() == 0:
            args.insert(1, "--no-sandbox")  # Chromium refuses to run its sandbox as root
        self.proc = subprocess.Popen(args, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                                     stderr=subprocess.DEVNULL, close_fds=False, preexec_fn=child_fds,
                                     start_new_session=True)
        os.close(to_child_r)
        os.close(from_child_w)
        self.buffer = b""
        self.next_id = 0
        self.events = []
        self.session = None

    @staticmethod
    def _high(fd):
        import fcntl
        high = fcntl.fcntl(fd, fcntl.F_DUPFD_CLOEXEC, 10)
        os.close(fd)
        return high

    def _read_message(self, deadline):
        while b"\0" not in self.buffer:
            left = deadline - time.monotonic()
            if left <= 0:
                raise TimeoutError("no answer from Chromium")
            ready, _, _ = select.select([self.from_child], [], [], left)
            if ready:
                chunk = os.read(self.from_child, 1 << 20)
                if not chunk:
                    raise RuntimeError("Chromium closed the DevTools pipe (did it crash?)")
                self.buffer += chunk
        raw, self.buffer = self.buffer.split(b"\0", 1)
        return json.loads(raw)

    def send(self, method, params=None, session=True, timeout=20):
        self.next_id += 1
        message = {"id": self.next_id, "method": method, "params": params or {}}
        if session and self.session:
            message["sessionId"] = self.session
        os.write(self.to_child, json.dumps(message).encode() + b"\0")
        deadline = time.monotonic() + timeout
        while True:
            reply = self._read_message(deadline)
            if reply.get("id") == self.next_id:
                if "error" in reply:
                    raise RuntimeError("%s: %s" % (method, reply["error"]))
                return reply.get("result", {})
            if "method" in reply:
                self.events.append(reply)

    def wait_event(self, method, timeout=20):
        deadline = time.monotonic() + timeout
        for i, event in enumerate(self.events):
            if event["method"] == method:
                return self.events.pop(i)
        while True:
            event = self._read_message(deadline)
            if event.get("method") == method:
                return event
            if "method" in event:
                self.events.append(event)

    def new_page(self, width, height, mobile=False, javascript=True):
        target = self.send("Target.createTarget", {"url": "about:blank"}, session=False)
        self.session = self.send("Target.attachToTarget", {"targetId": target["targetId"], "flatten": True},
                                 session=False)["sessionId"]
        self.target = target["targetId"]
        self.events = []
        for domain in ("Page", "Runtime", "Log"):
            self.send(domain + ".enable")
        self.send("Emulation.setDeviceMetricsOverride",
                  {"width": width, "height": height, "deviceScaleFactor": 2 if mobile else 1, "mobile": mobile})
        if not javascript:
            self.send("Emulation.setScriptExecutionDisabled", {"value": True})

    def close_page(self):
        self.send("Target.closeTarget", {"targetId": self.target}, session=False)
        self.session = None

    def navigate(self, url):
        started = time.monotonic()
        self.send("Page.navigate", {"url": url})
        self.wait_event("Page.loadEventFired")
        return time.monotonic() - started

    def js(self, expression):
        result = self.send("Runtime.evaluate", {"expression": expression, "returnByValue": True})
        if "exceptionDetails" in result:
            raise RuntimeError("script failed: %s" % json.dumps(result["exceptionDetails"])[:500])
        return result["result"].get("value")

    def wait_for(self, expression, timeout=2.0):
        """Polls a script until it returns something true (or the time is up); returns its last value."""
        deadline = time.monotonic() + timeout
        while True:
            value = self.js(expression)
            if value or time.monotonic() > deadline:
                return value
            time.sleep(0.02)

    def click(self, selector):
        """A real mouse click at the middle of the element (scrolled into view first)."""
        box = self.js("""(function () {
            var el = document.querySelector(%s);
            if (!el) return null;
            el.scrollIntoView({block: "center"});
            var r = el.getClientRects()[0];  // the first line box of a wrapped inline
            return {x: r.left + r.width / 2, y: r.top + r.height / 2};
        })()""" % json.dumps(selector))
        if box is None:
            raise AssertionError("nothing to click: " + selector)
        for kind in ("mousePressed", "mouseReleased"):
            self.send("Input.dispatchMouseEvent", {"type": kind, "x": box["x"], "y": box["y"],
                                                   "button": "left", "clickCount": 1})

    def key(self, key, code, keycode):
        text = key if len(key) == 1 else ""
        self.send("Input.dispatchKeyEvent", {"type": "keyDown", "key": key, "code": code, "text": text,
                                             "windowsVirtualKeyCode": keycode})
        self.send("Input.dispatchKeyEvent", {"type": "keyUp", "key": key, "code": code,
                                             "windowsVirtualKeyCode": keycode})

    def screenshot(self, path):
        data = self.send("Page.captureScreenshot", {"format": "png"})["data"]
        os.makedirs(os.path.dirname(os.path.abspath(path)), exist_ok=True)
        with open(path, "wb") as f:
            f.write(base64.b64decode(data))

    def problems(self):
        """Console errors, uncaught exceptions and browser log errors seen so far."""
        found = []
        for event in self.events:
            method, params = event["method"], event.get("params", {})
            if method == "Runtime.exceptionThrown":
                found.append("exception: " + json.dumps(params.get("exceptionDetails", {}))[:300])
            elif method == "Runtime.consoleAPICalled" and params.get("type") in ("error", "assert", "warning"):
                found.append("console.%s: %s" % (params["type"], json.dumps(params.get("args", []))[:300]))
            elif method == "Log.entryAdded" and params.get("entry", {}).get("level") in ("error", "warning"):
                entry = params["entry"]
                found.append("log %s (%s): %s" % (entry["level"], entry.get("source"), entry.get("text", "")[:300]))
        return found

    def quit(self):
        try:
            self.send("Browser.close", session=False, timeout=5)
        except Exception:
            pass
        try:
            self.proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            os.killpg(self.proc.pid, 9)  # the browser and its helper processes, nothing else
            self.proc.wait()
        shutil.rmtree(self.profile, ignore_errors=True)


class Checks:
    def __init__(self):
        self.failed = []
        self.passed = 0

    def expect(self, condition, what):
        if condition:
            self.passed += 1
        else:
            self.failed.append(what)
            print("FAIL: " + what, file=sys.stderr)


VISIBLE_CARDS = "Array.prototype.filter.call(document.querySelectorAll('article.goal'), function (c) { return !c.hidden; })"


def check_desktop(b, url, checks, screenshot):
    b.new_page(1280, 900)
    load_seconds = b.navigate(url)
    page = b.js("""(function () {
        var cards = document.querySelectorAll("article.goal");
        return {
            cards: cards.length,
            vague: document.querySelectorAll("article.goal[data-vague='1']").length,
            marks: document.querySelectorAll("mark.goal").length,
            smartRows: document.querySelectorAll("article.goal table.smart tr").length,
            reasons: Array.prototype.every.call(document.querySelectorAll("table.smart tr"), function (r) {
                return r.cells.length === 3 && r.cells[2].textContent.trim().length > 0; }),
            verdicts: Array.prototype.every.call(cards, function (c) {
                var v = c.querySelector(".verdict");
                return v && v.textContent === (c.getAttribute("data-vague") === "1" ? "Vagt" : "Tydligt"); }),
            marksMatch: Array.prototype.every.call(document.querySelectorAll("mark.goal"), function (m) {
                var c = document.getElementById(m.getAttribute("data-g"));
                return c && m.classList.contains(c.getAttribute("data-vague") === "1" ? "vague" : "clear"); }),
            findings: document.querySelectorAll("li.finding").length,
            filtersShown: !document.getElementById("filters").hidden,
            count: document.getElementById("f-count").textContent,
            summary: document.querySelectorAll("section.summary").length,
            chart: document.querySelectorAll("section.summary svg").length,
            lang: document.documentElement.lang
        };
    })()""")
    checks.expect(page["cards"] > 0, "the page has goal cards (%d)" % page["cards"])
    checks.expect(page["marks"] > 0, "goals are marked in the text (%d marks)" % page["marks"])
    checks.expect(page["smartRows"] == 5 * page["cards"], "five SMART verdicts per goal (%d rows for %d goals)"
                  % (page["smartRows"], page["cards"]))
    checks.expect(page["reasons"], "every SMART verdict has a reason")
    checks.expect(page["verdicts"], "every goal says Vagt or Tydligt, as its data says")
    checks.expect(page["marksMatch"], "every mark in the text has its goal's colour and a card")
    checks.expect(page["filtersShown"], "the script shows the filter bar")
    checks.expect(page["count"] == "Visar %d av %d mål" % (page["cards"], page["cards"]), "count: " + page["count"])
    checks.expect(page["summary"] >= 1 and page["chart"] >= 1, "a summary with a chart")
    checks.expect(page["lang"] == "sv", "the page is marked Swedish")

    # Only vague: a real click on the checkbox hides every clear goal and un-colours its mark.
    b.click("#f-vague")
    after = b.js("""(function () {
        var shown = %s;
        return {shown: shown.length, allVague: shown.every(function (c) { return c.getAttribute("data-vague") === "1"; }),
                offMarks: document.querySelectorAll("mark.goal.off").length,
                clearMarksOn: document.querySelectorAll("mark.goal.clear:not(.off)").length,
                count: document.getElementById("f-count").textContent};
    })()""" % VISIBLE_CARDS)
    checks.expect(after["shown"] == page["vague"] and after["allVague"],
                  "only vague: %d shown, %d vague in all" % (after["shown"], page["vague"]))
    checks.expect(after["clearMarksOn"] == 0, "only vague: no clear goal stays coloured in the text")
    checks.expect(after["count"] == "Visar %d av %d mål" % (page["vague"], page["cards"]), "count: " + after["count"])

    # Keys: j goes to the first finding of a shown goal and marks its span in the text.
    if page["findings"]:
        b.key("j", "KeyJ", 74)  # focus is still on the checkbox just clicked
        first = b.js("""(function () {
            var a = document.activeElement, cur = document.querySelectorAll(".current");
            return {isFinding: a.classList.contains("finding"), text: cur.length,
                    inTextMarked: Array.prototype.some.call(cur, function (x) { return !!x.closest(".text"); }),
                    goalShown: a.closest("article.goal") && !a.closest("article.goal").hidden,
                    rule: a.getAttribute("data-rule")};
        })()""")
        checks.expect(first["isFinding"] and first["goalShown"], "j selects a finding of a shown goal")
        checks.expect(first["inTextMarked"], "j highlights the finding's place in the text")
        b.key("j", "KeyJ", 74)
        b.key("k", "KeyK", 75)
        back = b.js("document.activeElement.getAttribute('data-rule')")
        checks.expect(back == first["rule"], "j then k comes back to the same finding")
    b.key("n", "KeyN", 78)
    goal = b.js("document.activeElement.matches('article.goal') && !document.activeElement.hidden")
    checks.expect(goal, "n selects a shown goal")

    # Reset with a real click: every goal shows again.
    b.click("#f-reset")
    shown = b.wait_for(VISIBLE_CARDS + ".length === %d && %d" % (page["cards"], page["cards"]))
    checks.expect(shown == page["cards"], "Visa alla shows every goal again (%s)" % shown)

    # Program, direction and rule: pick each select's first real option with the keyboard.
    for select_id, attribute in (("f-program", "data-program"), ("f-direction", "data-direction"), ("f-rule", "data-rules")):
        options = b.js("document.getElementById('%s').options.length" % select_id)
        if options < 2:
            continue
        b.js("document.getElementById('%s').focus()" % select_id)
        b.key("ArrowDown", "ArrowDown", 40)
        state = b.js("""(function () {
            var v = document.getElementById("%s").value, shown = %s;
            return {value: v, shown: shown.length, match: shown.every(function (c) {
                return (" " + c.getAttribute("%s") + " ").indexOf(" " + v + " ") >= 0; })};
        })()""" % (select_id, VISIBLE_CARDS, attribute))
        checks.expect(state["value"] != "" and state["shown"] > 0 and state["match"],
                      "%s filter %r shows only its goals (%d shown)" % (select_id, state["value"], state["shown"]))
        if select_id == "f-rule":
            b.js("document.activeElement.blur()")
            b.key("j", "KeyJ", 74)
            rule = b.js("document.activeElement.getAttribute('data-rule')")
            checks.expect(rule == state["value"], "under a rule filter j goes to a finding of that rule (%r)" % rule)
            b.js("document.getElementById('f-rule').focus()")
        b.key("Escape", "Escape", 27)
        b.js("document.activeElement.blur()")
        cleared = b.wait_for(VISIBLE_CARDS + ".length === %d" % page["cards"])
        checks.expect(cleared, "Esc clears the %s filter" % select_id)

    # A click on a goal in the text selects its card.
    b.click("mark.goal")
    picked = b.js("""(function () { var m = document.querySelector("mark.goal"), c = document.getElementById(m.getAttribute("data-g"));
        return c.classList.contains("current") && document.activeElement === c; })()""")
    checks.expect(picked, "clicking a goal in the text selects its card")

    if screenshot:
        # The picture shows the page as a reviewer meets it after one press of j:
        # the first finding selected beside its place in the text.
        b.js("document.querySelectorAll('.current').forEach(function (x) { x.classList.remove('current'); }); document.activeElement.blur();")
        b.js("document.querySelectorAll('.text, .panel').forEach(function (x) { x.scrollTop = 0; })")
        b.send("Emulation.setDeviceMetricsOverride", {"width": 1280, "height": 1200, "deviceScaleFactor": 1, "mobile": False})
        if page["findings"]:
            b.key("j", "KeyJ", 74)
            # Bring the selected finding's card to the top of its panel.
            b.js("""(function () { var card = document.activeElement.closest("article.goal"), panel = card.closest(".panel");
                panel.scrollTop += card.getBoundingClientRect().top - panel.getBoundingClientRect().top; })()""")
        b.js("window.scrollTo(0, 0)")
        time.sleep(0.1)
        b.screenshot(screenshot)
    timing = b.js("""(function () {
        var n = performance.getEntriesByType("navigation")[0], paint = {};
        performance.getEntriesByType("paint").forEach(function (p) { paint[p.name] = p.startTime; });
        return {domContentLoaded: n.domContentLoadedEventEnd, load: n.loadEventEnd,
                firstContentfulPaint: paint["first-contentful-paint"] || null, bytes: n.decodedBodySize};
    })()""")
    problems = b.problems()
    checks.expect(not problems, "no console errors: " + "; ".join(problems))
    b.close_page()
    return load_seconds, timing, page


def check_without_javascript(b, url, checks):
    b.new_page(1280, 860, javascript=False)
    b.navigate(url)
    b.send("Emulation.setScriptExecutionDisabled", {"value": False})  # to read the page, not to run it
    state = b.js("""({shown: %s.length, cards: document.querySelectorAll("article.goal").length,
                      filters: document.getElementById("filters").hidden,
                      count: document.getElementById("f-count").textContent})""" % VISIBLE_CARDS)
    checks.expect(state["shown"] == state["cards"] and state["cards"] > 0, "without JavaScript every goal shows")
    checks.expect(state["filters"] and state["count"] == "", "without JavaScript the filter bar stays hidden")
    b.close_page()


def check_phone(b, url, checks, screenshot):
    b.new_page(390, 844, mobile=True)
    b.navigate(url)
    layout = b.js("""(function () {
        var t = document.querySelector(".text").getBoundingClientRect(), p = document.querySelector(".panel").getBoundingClientRect();
        return {panelBelow: p.top >= t.bottom - 1, overflow: document.documentElement.scrollWidth - window.innerWidth,
                fontPx: parseFloat(getComputedStyle(document.querySelector(".text")).fontSize)};
    })()""")
    checks.expect(layout["panelBelow"], "on a phone the goal cards come below the text")
    checks.expect(layout["overflow"] <= 0, "on a phone nothing is wider than the screen (%dpx over)" % layout["overflow"])
    checks.expect(layout["fontPx"] >= 14, "on a phone the text is at least 14px")
    if screenshot:
        b.screenshot(screenshot)
    problems = b.problems()
    checks.expect(not problems, "no console errors on a phone: " + "; ".join(problems))
    b.close_page()


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("report")
    parser.add_argument("--screenshot", help="PNG of the page on a desktop screen")
    parser.add_argument("--phone-screenshot", help="PNG of the page on a phone")
    args = parser.parse_args()

    binary = find_chromium()
    if not binary:
        print("no Chromium found: install Debian's chromium package or set MALKOLL_CHROMIUM", file=sys.stderr)
        return SKIP
    url = "file://" + os.path.abspath(args.report)
    checks = Checks()
    b = Browser(binary)
    try:
        load_seconds, timing, page = check_desktop(b, url, checks, args.screenshot)
        check_without_javascript(b, url, checks)
        check_phone(b, url, checks, args.phone_screenshot)
    finally:
        b.quit()
    size = os.path.getsize(args.report)
    print("report: %s, %d bytes, %d goals (%d vague), %d findings" % (
        args.report, size, page["cards"], page["vague"], page["findings"]))
    print("load: navigate to load event %.0f ms; in the page: DOMContentLoaded %.0f ms, load %.0f ms, first contentful paint %s ms" % (
        load_seconds * 1000, timing["domContentLoaded"], timing["load"],
        "%.0f" % timing["firstContentfulPaint"] if timing["firstContentfulPaint"] is not None else "-"))
    total = checks.passed + len(checks.failed)
    if checks.failed:
        print("browser: %d of %d checks failed" % (len(checks.failed), total))
    else:
        print("browser: all %d checks passed" % total)
    return 1 if checks.failed else 0


if __name__ == "__main__":
    sys.exit(main())
