// Typed arrays over shared memory, for large inputs of compute tasks. Handing a task an ordinary
// Float64Array copies it into the worker (structured clone): for an analysis frame of a million
// work orders that is hundreds of megabytes per task, copied on the event loop. An array whose
// buffer is a SharedArrayBuffer crosses to the worker as a view of the same memory. The caller and
// every task then see one array: tasks must treat such inputs as read-only.

export function sharedFloat64Array(length: number): Float64Array {
  return new Float64Array(new SharedArrayBuffer(length * Float64Array.BYTES_PER_ELEMENT));
}

export function sharedInt32Array(length: number): Int32Array {
  return new Int32Array(new SharedArrayBuffer(length * Int32Array.BYTES_PER_ELEMENT));
}

/** Whether a typed array is a view of shared memory (what crosses to a worker without a copy). */
export function isShared(array: ArrayBufferView): boolean {
  return array.buffer instanceof SharedArrayBuffer;
}
