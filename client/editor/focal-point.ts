// The focal point of a library image, set by a click on the image of its media page: the point is shown and written
// into the form's Across and Down fields (fractions 0–1), which Save details stores on the media record.

/** Wires every `.focal-picker` of the page; its data-x-field and data-y-field name the inputs it fills. */
export function startFocalPickers(): void {
  for (const box of Array.from(document.querySelectorAll<HTMLElement>('.focal-picker'))) {
    const img = box.querySelector('img')
    const x = document.getElementById(box.dataset.xField ?? '') as HTMLInputElement | null
    const y = document.getElementById(box.dataset.yField ?? '') as HTMLInputElement | null
    if (!img || !x || !y) continue
    const dot = document.createElement('span')
    dot.className = 'focal-dot'
    dot.setAttribute('aria-hidden', 'true')
    box.append(dot)
    const place = () => {
      const fx = Number(x.value), fy = Number(y.value)
      dot.hidden = !(Number.isFinite(fx) && Number.isFinite(fy))
      // Set through the CSSOM: the CSP allows no style attributes in the markup.
      dot.style.left = `${Math.min(1, Math.max(0, fx)) * 100}%`
      dot.style.top = `${Math.min(1, Math.max(0, fy)) * 100}%`
    }
    img.addEventListener('click', (e) => {
      const r = img.getBoundingClientRect()
      const round = (n: number) => String(Math.round(Math.min(1, Math.max(0, n)) * 100) / 100)
      x.value = round((e.clientX - r.left) / r.width)
      y.value = round((e.clientY - r.top) / r.height)
      place()
      x.dispatchEvent(new Event('change', { bubbles: true }))
    })
    x.addEventListener('input', place)
    y.addEventListener('input', place)
    box.title = 'Click the point to keep in view when the image is cropped'
    place()
  }
}
