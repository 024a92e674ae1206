/** The names of `T`'s fields whose values are `V`s: what a chart's `index` or category may name. */
export type KeysOf<T, V> = { [K in keyof T]-?: T[K] extends V ? K : never }[keyof T] & string;
