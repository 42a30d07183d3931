// New post: pick a photo (previewed from a blob: URL, which the CSP allows), add a caption, upload
// with a progress bar (XMLHttpRequest upload events). The server checks everything again.
import * as api from '../api.js';
import { h, run, showProblem, clearNotice } from '../dom.js';

const TYPES = ['image/jpeg', 'image/png', 'image/webp'];
const MAX_BYTES = 20 * 1024 * 1024;
const MAX_CAPTION = 2200;

export function render(main) {
  const file = h('input', { id: 'upload-file', name: 'image', type: 'file', accept: TYPES.join(','), required: true,
    'aria-describedby': 'upload-file-hint' });
  const preview = h('img', { class: 'preview', id: 'upload-preview', alt: 'Preview of the chosen photo', hidden: true });
  const caption = h('textarea', { id: 'upload-caption', name: 'caption', rows: 3, maxlength: MAX_CAPTION,
    'aria-describedby': 'upload-caption-count', placeholder: 'Say something… #hashtags welcome' });
  const counter = h('small', { id: 'upload-caption-count' }, `0 / ${MAX_CAPTION}`);
  const progress = h('progress', { id: 'upload-progress', max: 100, value: 0, 'aria-label': 'Upload progress', hidden: true });
  const percent = h('span', { id: 'upload-percent', class: 'muted', role: 'status' });
  const submit = h('button', { type: 'submit', id: 'upload-submit' }, 'Share');
  const cancel = h('button', { type: 'button', class: 'secondary', hidden: true }, 'Cancel');
  const form = h('form', { class: 'card upload', id: 'upload-form', novalidate: true },
    h('h1', {}, 'New post'),
    h('label', { for: 'upload-file' }, 'Photo'), file,
    h('small', { id: 'upload-file-hint' }, 'JPEG, PNG or WebP, up to 20 MB.'),
    preview,
    h('label', { for: 'upload-caption' }, 'Caption'), caption, counter,
    h('div', { class: 'progress-row' }, progress, percent),
    h('div', { class: 'row' }, submit, cancel));
  main.append(form);

  let objectUrl = null;
  let upload = null;
  const setPreview = () => {
    if (objectUrl) {
      URL.revokeObjectURL(objectUrl);
      objectUrl = null;
    }
    const chosen = file.files[0];
    preview.hidden = !chosen;
    if (chosen) {
      objectUrl = URL.createObjectURL(chosen);
      preview.src = objectUrl;
    } else {
      preview.removeAttribute('src');
    }
  };
  file.addEventListener('change', () => {
    clearNotice(form);
    const problem = check(file.files[0]);
    if (problem) {
      showProblem(problem, form);
    }
    setPreview();
  });
  caption.addEventListener('input', () => {
    counter.textContent = `${caption.value.length} / ${MAX_CAPTION}`;
  });
  cancel.addEventListener('click', () => upload?.abort());

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const chosen = file.files[0];
    const problem = chosen ? check(chosen) : { title: 'Choose a photo', detail: 'Pick a photo to share first.',
      errors: [{ field: 'image', message: 'choose a file' }] };
    if (problem) {
      clearNotice(form);
      showProblem(problem, form);
      return;
    }
    run(submit, async () => {
      progress.hidden = false;
      progress.value = 0;
      cancel.hidden = false;
      upload = api.uploadPost(chosen, caption.value.trim(), (fraction) => {
        progress.value = Math.round(fraction * 100);
        percent.textContent = fraction < 1 ? `Uploading… ${Math.round(fraction * 100)} %` : 'Processing the photo…';
      });
      try {
        const post = await upload.promise;
        percent.textContent = 'Posted.';
        location.hash = `#/p/${encodeURIComponent(post.id)}`;
      } finally {
        upload = null;
        cancel.hidden = true;
      }
    }, form);
  });
  return () => {
    upload?.abort();
    if (objectUrl) {
      URL.revokeObjectURL(objectUrl);
    }
  };
}

function check(chosen) {
  if (!chosen) {
    return null;
  }
  if (!TYPES.includes(chosen.type)) {
    return { title: 'Not a supported photo', detail: `${chosen.name} is not a JPEG, PNG or WebP image.`,
      errors: [{ field: 'image', message: 'choose a JPEG, PNG or WebP file' }] };
  }
  if (chosen.size > MAX_BYTES) {
    return { title: 'Photo too large', detail: `${chosen.name} is ${(chosen.size / 1048576).toFixed(1)} MB; the limit is 20 MB.`,
      errors: [{ field: 'image', message: 'at most 20 MB' }] };
  }
  return null;
}
