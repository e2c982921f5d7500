// aloud-player: <aloud-player src="…/slug.json"> plays an aloud narration
// from its manifest, with chapters, speed, skips, the disclosure, and the
// sentence being read highlighted (in its transcript panel, and in the
// page's article text when highlight="CSS selector" names it).
(() => {
  'use strict';
  if (customElements.get('aloud-player')) return;

  const SPEEDS = [0.75, 1, 1.25, 1.5, 1.75, 2];
  const SKIP = 15;

  const fmt = (s) => {
    s = Math.max(0, Math.floor(s || 0));
    const h = Math.floor(s / 3600), m = Math.floor(s / 60) % 60, r = s % 60;
    const mm = h ? String(m).padStart(2, '0') : String(m);
    return (h ? h + ':' : '') + mm + ':' + String(r).padStart(2, '0');
  };

  const el = (tag, cls, attrs) => {
    const e = document.createElement(tag);
    if (cls) e.className = cls;
    for (const k in attrs || {}) e.setAttribute(k, attrs[k]);
    return e;
  };

  // parseVTT reads the cues aloud writes: "start --> end" then text.
  const parseVTT = (text) => {
    const t = (s) => {
      const p = s.trim().split(':').map(Number);
      return p.length === 3 ? p[0] * 3600 + p[1] * 60 + p[2] : p[0] * 60 + p[1];
    };
    const unescape = (s) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
    const cues = [];
    for (const block of text.replace(/\r/g, '').split(/\n\n+/)) {
      const lines = block.split('\n');
      const i = lines.findIndex((l) => l.includes('-->'));
      if (i < 0) continue;
      const [a, b] = lines[i].split('-->');
      cues.push({ start: t(a), end: t(b), text: unescape(lines.slice(i + 1).join(' ').trim()) });
    }
    return cues;
  };

  const norm = (s) => s.replace(/\s+/g, ' ').trim().toLowerCase();

  class AloudPlayer extends HTMLElement {
    connectedCallback() {
      if (this.audio) return;
      this.build();
      const src = this.getAttribute('src');
      if (src) this.load(new URL(src, document.baseURI).href);
    }

    disconnectedCallback() {
      if (this.audio) this.audio.pause();
    }

    build() {
      this.classList.add('aloud');
      this.setAttribute('role', 'region');
      this.setAttribute('aria-label', 'Listen to this article');
      this.audio = el('audio', '', { preload: 'metadata' });
      const head = el('div', 'aloud-head');
      this.titleEl = el('span', 'aloud-title');
      this.titleEl.textContent = 'Listen to this article';
      this.disclosureEl = el('span', 'aloud-disclosure');
      head.append(this.titleEl, this.disclosureEl);

      const controls = el('div', 'aloud-controls');
      this.back = el('button', 'aloud-back', { type: 'button', 'aria-label': 'Back ' + SKIP + ' seconds' });
      this.back.textContent = '−' + SKIP;
      this.play = el('button', 'aloud-play', { type: 'button', 'aria-label': 'Play' });
      this.play.textContent = '▶';
      this.fwd = el('button', 'aloud-fwd', { type: 'button', 'aria-label': 'Forward ' + SKIP + ' seconds' });
      this.fwd.textContent = '+' + SKIP;
      this.elapsed = el('span', 'aloud-time aloud-elapsed', { 'aria-label': 'Elapsed' });
      this.elapsed.textContent = '0:00';
      this.seek = el('input', 'aloud-seek', { type: 'range', min: '0', max: '0', step: '0.1', value: '0', 'aria-label': 'Seek' });
      this.total = el('span', 'aloud-time aloud-total', { 'aria-label': 'Duration' });
      this.total.textContent = '0:00';
      this.speed = el('select', 'aloud-speed', { 'aria-label': 'Playback speed' });
      for (const s of SPEEDS) {
        const o = el('option', '', { value: String(s) });
        o.textContent = s + '×';
        if (s === 1) o.selected = true;
        this.speed.append(o);
      }
      controls.append(this.back, this.play, this.fwd, this.elapsed, this.seek, this.total, this.speed);

      this.chapterList = el('ol', 'aloud-chapters', { 'aria-label': 'Chapters' });
      this.transcriptToggle = el('button', 'aloud-transcript-toggle', { type: 'button', 'aria-expanded': 'false' });
      this.transcriptToggle.textContent = 'Transcript';
      this.transcriptToggle.hidden = true;
      this.transcript = el('div', 'aloud-transcript', { role: 'list', 'aria-label': 'Transcript' });
      this.transcript.hidden = true;
      this.append(this.audio, head, controls, this.chapterList, this.transcriptToggle, this.transcript);

      this.play.addEventListener('click', () => this.toggle());
      this.back.addEventListener('click', () => this.jump(-SKIP));
      this.fwd.addEventListener('click', () => this.jump(SKIP));
      this.seek.addEventListener('input', () => { this.audio.currentTime = Number(this.seek.value); });
      this.speed.addEventListener('change', () => { this.audio.playbackRate = Number(this.speed.value); });
      this.transcriptToggle.addEventListener('click', () => {
        const open = this.transcript.hidden;
        this.transcript.hidden = !open;
        this.transcriptToggle.setAttribute('aria-expanded', String(open));
      });
      this.addEventListener('keydown', (e) => this.key(e));
      const a = this.audio;
      a.addEventListener('play', () => this.state());
      a.addEventListener('pause', () => { this.state(); this.save(true); });
      a.addEventListener('timeupdate', () => this.tick());
      a.addEventListener('seeked', () => this.tick());
      a.addEventListener('ended', () => { this.state(); this.forget(); });
      a.addEventListener('ratechange', () => { this.speed.value = String(a.playbackRate); });
    }

    async load(url) {
      try {
        const res = await fetch(url);
        if (!res.ok) throw new Error(url + ': ' + res.status);
        const m = await res.json();
        this.manifest = m;
        this.storageKey = 'aloud:' + (m.audio && m.audio.url ? new URL(m.audio.url, url).href : url);
        this.titleEl.textContent = m.title || 'Listen to this article';
        this.disclosureEl.textContent = m.disclosure || '';
        this.duration = Number(m.duration_seconds) || 0;
        this.seek.max = String(this.duration);
        this.total.textContent = fmt(this.duration);
        this.audio.src = new URL(m.audio.url, url).href;
        this.renderChapters(m.chapters || []);
        if (m.transcript_url) this.loadTranscript(new URL(m.transcript_url, url).href);
        const saved = Number(localStorage.getItem(this.storageKey));
        if (saved > 0 && saved < this.duration) {
          this.audio.currentTime = saved;
          this.tick();
        }
        this.dispatchEvent(new CustomEvent('aloud-ready', { detail: m }));
        if (this.hasAttribute('autoplay')) this.audio.play().catch(() => {});
      } catch (err) {
        this.classList.add('aloud-error');
        this.titleEl.textContent = 'Audio unavailable';
        this.dispatchEvent(new CustomEvent('aloud-error', { detail: String(err) }));
      }
    }

    renderChapters(chapters) {
      this.chapterList.textContent = '';
      this.chapterList.hidden = chapters.length < 2;
      chapters.forEach((c) => {
        const li = el('li');
        const b = el('button', 'aloud-chapter', { type: 'button' });
        b.dataset.start = String(c.start);
        const t = el('span', 'aloud-chapter-time');
        t.textContent = fmt(c.start);
        const n = el('span', 'aloud-chapter-title');
        n.textContent = c.title;
        b.append(t, n);
        b.addEventListener('click', () => { this.audio.currentTime = c.start; this.tick(); });
        li.append(b);
        this.chapterList.append(li);
      });
    }

    async loadTranscript(url) {
      try {
        const res = await fetch(url);
        if (!res.ok) return;
        this.cues = parseVTT(await res.text());
      } catch (_) {
        return;
      }
      this.transcript.textContent = '';
      this.cueEls = this.cues.map((c) => {
        const s = el('span', 'aloud-cue', { role: 'listitem' });
        s.textContent = c.text + ' ';
        s.addEventListener('click', () => { this.audio.currentTime = c.start + 0.01; this.tick(); });
        this.transcript.append(s);
        return s;
      });
      this.transcriptToggle.hidden = this.cues.length === 0;
      this.pageRanges = this.findInPage();
      this.tick();
    }

    // findInPage maps each cue to a Range over the article text on the
    // page, matching the cue's words in order through the text nodes.
    findInPage() {
      const sel = this.getAttribute('highlight');
      if (!sel || !window.CSS || !CSS.highlights || typeof Highlight === 'undefined') return null;
      const root = document.querySelector(sel);
      if (!root) return null;
      const nodes = [];
      let flat = '';
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        if (this.contains(n)) continue;
        nodes.push({ node: n, at: flat.length });
        flat += n.data.toLowerCase();
      }
      const locate = (pos) => {
        let i = nodes.length - 1;
        while (i > 0 && nodes[i].at > pos) i--;
        return nodes[i] ? [nodes[i].node, pos - nodes[i].at] : null;
      };
      let from = 0;
      return this.cues.map((c) => {
        const words = norm(c.text).split(' ').filter(Boolean);
        if (!words.length) return null;
        const esc = words.map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
        const re = new RegExp(esc.join('\\s+'), 'g');
        re.lastIndex = from;
        const m = re.exec(flat);
        if (!m) return null;
        from = m.index + m[0].length;
        const s = locate(m.index), e = locate(m.index + m[0].length);
        if (!s || !e) return null;
        const r = document.createRange();
        r.setStart(s[0], s[1]);
        r.setEnd(e[0], Math.min(e[1], e[0].data.length));
        return r;
      });
    }

    cueAt(t) {
      if (!this.cues) return -1;
      return this.cues.findIndex((c) => t >= c.start && t < c.end);
    }

    tick() {
      const a = this.audio, t = a.currentTime;
      this.elapsed.textContent = fmt(t);
      if (document.activeElement !== this.seek) this.seek.value = String(t);
      this.seek.setAttribute('aria-valuetext', fmt(t) + ' of ' + fmt(this.duration));
      const i = this.cueAt(t);
      if (i !== this.current) {
        if (this.cueEls && this.cueEls[this.current]) this.cueEls[this.current].classList.remove('aloud-current');
        this.current = i;
        this.dataset.cue = String(i);
        if (this.cueEls && this.cueEls[i]) {
          const c = this.cueEls[i], panel = this.transcript;
          c.classList.add('aloud-current');
          // Keep the sentence in view inside the panel, not scrolling the page.
          if (!panel.hidden && (c.offsetTop < panel.scrollTop || c.offsetTop + c.offsetHeight > panel.scrollTop + panel.clientHeight)) {
            const reduce = window.matchMedia && matchMedia('(prefers-reduced-motion: reduce)').matches;
            panel.scrollTo({ top: c.offsetTop - panel.offsetTop - panel.clientHeight / 3, behavior: reduce ? 'auto' : 'smooth' });
          }
        }
        if (this.pageRanges) {
          if (this.pageRanges[i]) CSS.highlights.set('aloud-current', new Highlight(this.pageRanges[i]));
          else CSS.highlights.delete('aloud-current');
        }
        this.dispatchEvent(new CustomEvent('aloud-cue', { detail: i >= 0 ? this.cues[i] : null }));
      }
      this.save(false);
    }

    state() {
      const playing = !this.audio.paused;
      this.play.textContent = playing ? '❚❚' : '▶';
      this.play.setAttribute('aria-label', playing ? 'Pause' : 'Play');
      this.classList.toggle('aloud-playing', playing);
    }

    toggle() {
      if (this.audio.paused) this.audio.play().catch(() => {});
      else this.audio.pause();
    }

    jump(d) {
      const a = this.audio;
      a.currentTime = Math.min(Math.max(0, a.currentTime + d), this.duration || a.duration || 0);
      this.tick();
    }

    key(e) {
      if (e.target === this.speed || e.altKey || e.ctrlKey || e.metaKey) return;
      const k = e.key;
      if (k === ' ' || k === 'k') {
        if (e.target.tagName === 'BUTTON' && k === ' ') return;
        this.toggle();
      } else if (k === 'ArrowLeft' || k === 'j') {
        if (e.target === this.seek) return;
        this.jump(k === 'j' ? -SKIP : -5);
      } else if (k === 'ArrowRight' || k === 'l') {
        if (e.target === this.seek) return;
        this.jump(k === 'l' ? SKIP : 5);
      } else return;
      e.preventDefault();
    }

    // save remembers the position per article, at most every 5 s.
    save(now) {
      if (!this.storageKey) return;
      const t = Date.now();
      if (!now && t - (this.savedAt || 0) < 5000) return;
      this.savedAt = t;
      try { localStorage.setItem(this.storageKey, String(Math.floor(this.audio.currentTime))); } catch (_) {}
    }

    forget() {
      try { localStorage.removeItem(this.storageKey); } catch (_) {}
    }
  }

  customElements.define('aloud-player', AloudPlayer);
})();
