import { chromium } from "playwright-core";

const b = await chromium.launch({
  executablePath: "/usr/bin/chromium",
  args: [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
  ],
});
const p = await b.newPage({ viewport: { width: 1280, height: 900 } });
p.on("console", (m) => console.log("console:", m.type(), m.text()));
p.on("pageerror", (e) => console.log("pageerror:", e.message));
for (const path of process.argv.slice(2)) {
  await p.goto("http://127.0.0.1:4321" + path);
  await p.waitForTimeout(1500);
  const name = "/tmp/shot" + path.replace(/[^a-z0-9]/gi, "_") + ".png";
  await p.screenshot({ path: name, fullPage: true });
  console.log(name);
}
await b.close();
