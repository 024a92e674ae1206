/**
 * Hashtags that are also names JavaScript objects carry (`__proto__` sets an object's prototype
 * when assigned; `constructor`, `toString`, `valueOf`, `hasOwnProperty` are inherited from
 * `Object.prototype`; `prototype` from functions). Anyone can post them, so every per-tag
 * structure must treat them as plain data. Unit tests use them as keys as typed; through the
 * job their counting keys are lower-cased (`tostring`).
 */
export const HOSTILE_TAGS = [
  '__proto__',
  'constructor',
  'prototype',
  'toString',
  'valueOf',
  'hasOwnProperty',
] as const;
