/**
 * Localized durations for countdowns ("42 seconds", "9 minutes, 41 seconds").
 * Plain functions over `Intl`, so that no translation file has to spell units.
 */

/** `42` → "42 seconds" in `locale` (the unit is localized and pluralized by `Intl`). */
export function formatSeconds(seconds: number, locale: string): string {
  return new Intl.NumberFormat(locale, {
    style: 'unit',
    unit: 'second',
    unitDisplay: 'long',
  }).format(Math.max(0, Math.ceil(seconds)));
}

// `Intl.DurationFormat` (Chromium 129+, Safari 16.4+, Firefox 136+) is newer than the
// TypeScript lib this project targets; this is the slice of it used here.
interface DurationFormatLike {
  format(duration: { hours?: number; minutes?: number; seconds?: number }): string;
}
type DurationFormatCtor = new (
  locale: string,
  options: { style: 'long' | 'short' | 'narrow' | 'digital' },
) => DurationFormatLike;

/**
 * Whole seconds as a spoken-style duration: `581` → "9 minutes, 41 seconds".
 * Units that are zero are left out ("10 minutes"), except for a zero duration.
 */
export function formatDuration(totalSeconds: number, locale: string): string {
  const total = Math.max(0, Math.ceil(totalSeconds));
  const hours = Math.floor(total / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const seconds = total % 60;
  const DurationFormat = (Intl as unknown as { DurationFormat?: DurationFormatCtor })
    .DurationFormat;
  if (total === 0) return formatSeconds(0, locale);
  if (DurationFormat) {
    return new DurationFormat(locale, { style: 'long' }).format({ hours, minutes, seconds });
  }
  // Fallback for browsers without DurationFormat: each unit by NumberFormat, joined
  // the way the locale lists units.
  const parts: string[] = [];
  const unit = (value: number, name: 'hour' | 'minute' | 'second') => {
    if (value > 0) {
      parts.push(
        new Intl.NumberFormat(locale, { style: 'unit', unit: name, unitDisplay: 'long' }).format(value),
      );
    }
  };
  unit(hours, 'hour');
  unit(minutes, 'minute');
  unit(seconds, 'second');
  return new Intl.ListFormat(locale, { type: 'unit', style: 'long' }).format(parts);
}

/** Seconds left until `deadline` (epoch ms), rounded up, never negative. */
export function secondsUntil(deadline: number, now: number): number {
  return Math.max(0, Math.ceil((deadline - now) / 1000));
}
