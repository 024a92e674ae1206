/** The posts the mock's streams deliver, made one by one when first needed. */
import { makeMockPost } from './mock-posts';
import type { MockPost } from './mock-posts';

export class PostQueue {
  private nextIndex = 0;
  private head: MockPost | undefined;

  constructor(
    private readonly count: number,
    private readonly makePost: (index: number) => MockPost = makeMockPost,
  ) {}

  /** The next post to send (the same one until it is taken), or undefined when all have gone. */
  peek(): MockPost | undefined {
    if (this.head === undefined && this.nextIndex < this.count)
      this.head = this.makePost(this.nextIndex);
    return this.head;
  }

  /** `post` was sent whole: the queue moves on (a post peeked by an older connection is ignored). */
  take(post: MockPost): void {
    if (post !== this.head) return;
    this.head = undefined;
    this.nextIndex += 1;
  }

  remaining(): number {
    return this.count - this.nextIndex;
  }
}
