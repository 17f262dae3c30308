// The page for lawyers: drop a contract, see the HTML report, download the annex and the redline.
// Plain JavaScript, no external resources; every check runs on the server's /v1 API.
"use strict";
(function () {
  var TEXT = {
    en: {
      title: "Contract check: cybersecurity review undertakings",
      intro: "Checks that a supplier contract contains the four undertakings of Art. 6 of the Cybersecurity Review Measures. The contract is checked on this server and is not kept.",
      drop: "Drop a contract here (.docx, .pdf, .txt, .md) or click to choose one",
      token: "API token",
      annex: "Download the annex (DOCX)",
      redline: "Download the redline (DOCX)",
      checking: "Checking {name} …",
      pass: "{name}: passes — all four undertakings are present.",
      fail: "{name}: does not pass — see the report below.",
      error: "{name}: could not be checked — see the report below.",
      failed: "The request failed: {msg}",
      nothing: "Nothing to add: every undertaking is satisfied.",
      downloaded: "Downloaded {name}",
      redlineDocx: "The redline needs a Word document (.docx)."
    },
    zh: {
      title: "合同审查：网络安全审查承诺条款",
      intro: "检查供应商合同是否包含《网络安全审查办法》第六条要求的四项承诺。合同仅在本服务器上检查，不会保存。",
      drop: "将合同拖放到此处（.docx、.pdf、.txt、.md），或点击选择文件",
      token: "API 令牌",
      annex: "下载补充条款（DOCX）",
      redline: "下载修订稿（DOCX）",
      checking: "正在检查 {name} …",
      pass: "{name}：通过——四项承诺均已具备。",
      fail: "{name}：未通过——详见下方报告。",
      error: "{name}：无法检查——详见下方报告。",
      failed: "请求失败：{msg}",
      nothing: "无需补充：各项承诺均已满足。",
      downloaded: "已下载 {name}",
      redlineDocx: "修订稿需要 Word 文档（.docx）。"
    }
  };
  var lang = document.documentElement.lang === "zh" ? "zh" : "en";
  try {
    var saved = window.localStorage.getItem("cliccheck-lang");
    if ((saved === "zh" || saved === "en") && !/[?&]lang=/.test(window.location.search)) { lang = saved; }
  } catch (e) { /* storage disabled: keep the server's choice */ }
  var current = null;  // the File last checked
  var $ = function (id) { return document.getElementById(id); };

  function t(key, values) {
    return TEXT[lang][key].replace(/\{(\w+)\}/g, function (_, k) { return values && k in values ? values[k] : ""; });
  }

  function setLang(value) {
    lang = value;
    document.documentElement.lang = value;
    try { window.localStorage.setItem("cliccheck-lang", value); } catch (e) { /* ignore */ }
    document.querySelectorAll("[data-i18n]").forEach(function (el) { el.textContent = t(el.dataset.i18n); });
    document.querySelectorAll(".langs button").forEach(function (b) {
      b.setAttribute("aria-pressed", String(b.dataset.lang === value));
    });
    document.title = TEXT[value].title;
    if (current) { check(current); }  // the report follows the page's language
  }

  function headers() {
    var token = $("token").value.trim();
    return token ? { "Authorization": "Bearer " + token } : {};
  }

  function say(text, kind) {
    var el = $("status");
    el.textContent = text;
    el.className = kind || "";
  }

  function post(path, file, params) {
    var query = new URLSearchParams(params || {});
    query.set("filename", file.name);
    query.set("ui_lang", lang);  // the language of an error's localized_message
    return fetch(path + "?" + query.toString(), { method: "POST", body: file, headers: headers() });
  }

  function problem(response) {
    return response.json().then(function (body) {
      return body && body.error ? (body.error.localized_message || body.error.message) : String(response.status);
    }, function () { return String(response.status); });
  }

  function check(file) {
    current = file;
    say(t("checking", { name: file.name }));
    post("/v1/lint", file, { format: "html", ui_lang: lang }).then(function (response) {
      if (!response.ok) { return problem(response).then(function (msg) { say(t("failed", { msg: msg }), "error"); }); }
      var gate = response.headers.get("X-Cliccheck-Gate") || "error";
      return response.text().then(function (html) {
        var frame = $("report");
        frame.hidden = false;
        frame.onload = function () {
          var doc = frame.contentDocument;
          if (doc && doc.documentElement) { frame.style.height = (doc.documentElement.scrollHeight + 20) + "px"; }
        };
        frame.srcdoc = html;
        say(t(gate === "pass" ? "pass" : gate === "fail" ? "fail" : "error", { name: file.name }), gate);
        $("actions").hidden = false;
        $("redline").disabled = !/\.docx$/i.test(file.name);
        $("redline").title = $("redline").disabled ? t("redlineDocx") : "";
      });
    }).catch(function (err) { say(t("failed", { msg: err.message }), "error"); });
  }

  function download(path, params) {
    if (!current) { return; }
    post(path, current, params).then(function (response) {
      if (response.status === 204) { say(t("nothing")); return; }
      if (!response.ok) { return problem(response).then(function (msg) { say(t("failed", { msg: msg }), "error"); }); }
      var disposition = response.headers.get("Content-Disposition") || "";
      var match = /filename\*=UTF-8''([^;]+)/.exec(disposition);
      var name = match ? decodeURIComponent(match[1]) : "cliccheck.docx";
      return response.blob().then(function (blob) {
        var link = document.createElement("a");
        link.href = URL.createObjectURL(blob);
        link.download = name;
        document.body.appendChild(link);
        link.click();
        link.remove();
        setTimeout(function () { URL.revokeObjectURL(link.href); }, 10000);
        say(t("downloaded", { name: name }));
      });
    }).catch(function (err) { say(t("failed", { msg: err.message }), "error"); });
  }

  document.addEventListener("DOMContentLoaded", function () {
    var drop = $("drop");
    $("file").addEventListener("change", function () { if (this.files.length) { check(this.files[0]); } });
    ["dragenter", "dragover"].forEach(function (name) {
      drop.addEventListener(name, function (e) { e.preventDefault(); drop.classList.add("over"); });
    });
    ["dragleave", "drop"].forEach(function (name) {
      drop.addEventListener(name, function (e) { e.preventDefault(); drop.classList.remove("over"); });
    });
    drop.addEventListener("drop", function (e) {
      if (e.dataTransfer && e.dataTransfer.files.length) { check(e.dataTransfer.files[0]); }
    });
    drop.addEventListener("keydown", function (e) {
      if (e.key === "Enter" || e.key === " ") { e.preventDefault(); $("file").click(); }
    });
    document.querySelectorAll(".langs button").forEach(function (b) {
      b.addEventListener("click", function () { setLang(b.dataset.lang); });
    });
    $("annex").addEventListener("click", function () {
      download("/v1/annex", { format: "docx" });  // in the contract's own language(s)
    });
    $("redline").addEventListener("click", function () { download("/v1/redline", {}); });
    fetch("/v1/health").then(function (r) { return r.json(); }).then(function (h) {
      $("token-row").hidden = !h.auth_required;
    }).catch(function () { /* the page still works without it */ });
    setLang(lang);
  });
})();
