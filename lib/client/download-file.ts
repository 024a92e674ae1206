/** Saves a Blob under `fileName` through a temporary `<a download>` (no server round trip). */
export function downloadFile(content: Blob | string, fileName: string, type = 'text/plain') {
  const blob = typeof content === 'string' ? new Blob([content], { type }) : content;
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.style.display = 'none';
  document.body.append(link);
  link.click();
  link.remove();
  // The download has started from the URL; revoke it once the click has been handled.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
