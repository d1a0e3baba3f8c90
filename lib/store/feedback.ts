import { db, type Feedback } from '../db';

export async function addFeedback(entry: Omit<Feedback, 'id'>): Promise<void> {
  await db.feedback.add(entry);
}
