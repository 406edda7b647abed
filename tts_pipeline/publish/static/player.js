// The issue page's player: one MP3 for the whole issue, chapters to jump to, the sentence
// being read highlighted, and the listener's place remembered on this phone. Without
// JavaScript the page keeps a plain <audio> per chapter.
(function () {
  "use strict";
  var main = document.querySelector("main[data-slug]");
  var audio = document.getElementById("audio");
  if (!main || !audio) { return; }
  document.documentElement.classList.add("js");
  var player = document.getElementById("trinh-phat");
  player.hidden = false;
  var place = "tts-pipeline:" + main.dataset.slug;
  var playButton = document.getElementById("phat");
  var seek = document.getElementById("vi-tri");
  var elapsed = document.getElementById("da-nghe");
  var nowTitle = document.getElementById("dang-nghe");
  var resume = document.getElementById("nghe-tiep");
  var chapters = Array.prototype.slice.call(document.querySelectorAll(".chapters li"));
  var cues = Array.prototype.slice.call(document.querySelectorAll(".cue"));
  var currentChapter = null, currentCue = null, lastSaved = 0;
  var listened = false; // a visit that neither plays nor seeks keeps the place saved before

  function clock(seconds) {
    var total = Math.max(0, Math.round(seconds));
    var hours = Math.floor(total / 3600), minutes = Math.floor(total / 60) % 60;
    var rest = String(total % 60).padStart(2, "0");
    return hours ? hours + ":" + String(minutes).padStart(2, "0") + ":" + rest
      : minutes + ":" + rest;
  }

  function startOf(element) { return parseFloat(element.dataset.start); }

  function jump(seconds, play) {
    audio.currentTime = seconds;
    show();
    if (play) { audio.play(); }
  }

  function last(items, time) {
    var found = null;
    for (var i = 0; i < items.length; i++) {
      if (startOf(items[i]) <= time + 0.05) { found = items[i]; } else { break; }
    }
    return found;
  }

  function show() {
    var time = audio.currentTime;
    elapsed.textContent = clock(time);
    seek.value = Math.floor(time);
    var chapter = last(chapters, time);
    if (chapter !== currentChapter) {
      if (currentChapter) { currentChapter.removeAttribute("aria-current"); }
      if (chapter) {
        chapter.setAttribute("aria-current", "true");
        nowTitle.textContent = chapter.querySelector(".jump").textContent;
      }
      currentChapter = chapter;
    }
    var cue = last(cues, time);
    if (cue && time >= parseFloat(cue.dataset.end)) { cue = null; }
    if (cue !== currentCue) {
      if (currentCue) { currentCue.classList.remove("current"); }
      if (cue) { cue.classList.add("current"); }
      currentCue = cue;
    }
  }

  function save(force) {
    if (!listened) { return; }
    var now = Date.now();
    if (!force && now - lastSaved < 3000) { return; }
    lastSaved = now;
    try { localStorage.setItem(place, String(Math.floor(audio.currentTime))); } catch (e) { }
  }

  function label() {
    var playing = !audio.paused;
    playButton.textContent = playing ? "Tạm dừng" : "Phát";
    playButton.setAttribute("aria-label", playing ? "Tạm dừng" : "Phát");
  }

  playButton.addEventListener("click", function () {
    if (audio.paused) { audio.play(); } else { audio.pause(); }
  });
  document.getElementById("lui").addEventListener("click", function () {
    jump(Math.max(0, audio.currentTime - 15), false);
  });
  document.getElementById("toi").addEventListener("click", function () {
    jump(Math.min(audio.duration || Infinity, audio.currentTime + 30), false);
  });
  Array.prototype.forEach.call(document.querySelectorAll(".toc-do"), function (button) {
    button.addEventListener("click", function () {
      audio.playbackRate = parseFloat(button.dataset.rate);
      Array.prototype.forEach.call(document.querySelectorAll(".toc-do"), function (other) {
        other.setAttribute("aria-pressed", other === button ? "true" : "false");
      });
    });
  });
  Array.prototype.forEach.call(document.querySelectorAll(".jump"), function (link) {
    link.addEventListener("click", function (event) {
      event.preventDefault();
      jump(startOf(link), true);
      playButton.focus();
    });
  });
  seek.addEventListener("input", function () { jump(parseFloat(seek.value), false); });
  audio.addEventListener("timeupdate", function () { show(); save(false); });
  audio.addEventListener("seeked", function () { listened = true; show(); save(true); });
  audio.addEventListener("play", function () { listened = true; label(); });
  audio.addEventListener("pause", function () { label(); save(true); });
  window.addEventListener("pagehide", function () { save(true); });

  var saved = 0;
  try { saved = parseFloat(localStorage.getItem(place) || "0"); } catch (e) { }
  if (saved > 5) {
    resume.querySelector("span").textContent = clock(saved);
    resume.hidden = false;
    resume.addEventListener("click", function () {
      resume.hidden = true;
      jump(saved, true);
    });
  }
  show();
}());
