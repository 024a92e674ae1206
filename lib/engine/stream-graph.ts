import type { GraphShapeEntry } from './types';
import type { InputNode, OutputNode, StreamGraphContract, StreamNode } from './nodes/node-types';

/**
 * The streams of one context, in definition order (parents always precede children). The graph
 * is frozen at `start()`: defining a stream afterwards is an error, as in Spark.
 */
export class StreamGraph implements StreamGraphContract {
  readonly nodes: StreamNode<unknown>[] = [];
  readonly inputs: InputNode<unknown>[] = [];
  readonly outputs: OutputNode[] = [];
  zeroTime: number | undefined = undefined;
  private frozen = false;

  constructor(readonly batchIntervalMs: number) {}

  /** Returns the id of the new stream; throws once the context has started. */
  register(kind: string): number {
    this.assertOpen(kind);
    return this.nodes.length;
  }

  add(node: StreamNode<unknown>): void {
    this.nodes.push(node);
  }

  addInput(node: InputNode<unknown>): void {
    this.inputs.push(node);
  }

  addOutput(output: OutputNode): void {
    this.assertOpen('foreachBatch');
    this.outputs.push(output);
  }

  assertOpen(kind: string): void {
    if (this.frozen) {
      throw new Error(
        `${kind}: cannot define a stream after the context has started; define the whole graph before start()`,
      );
    }
  }

  /** Freezes the graph and works out how long each stream must keep its computed batches. */
  freeze(): void {
    this.frozen = true;
    for (const node of this.nodes) node.rememberMs = 0;
    for (let index = this.nodes.length - 1; index >= 0; index--) {
      const child = this.nodes[index];
      for (const parent of child.parents) {
        parent.rememberMs = Math.max(parent.rememberMs, child.rememberMs + child.parentLookbackMs);
      }
    }
  }

  shape(): GraphShapeEntry[] {
    const entries: GraphShapeEntry[] = this.nodes.map((node) => ({
      kind: node.kind,
      parents: node.parents.map((parent) => parent.id),
      params: node.params,
    }));
    for (const output of this.outputs) {
      entries.push({ kind: 'foreachBatch', parents: [output.parent.id], params: {} });
    }
    return entries;
  }
}
