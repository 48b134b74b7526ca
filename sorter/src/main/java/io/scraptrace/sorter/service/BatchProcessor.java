package io.scraptrace.sorter.service;

import io.scraptrace.avro.DeadLetter;
import io.scraptrace.avro.Frame;
import io.scraptrace.avro.GradedReading;
import io.scraptrace.avro.Reading;
import io.scraptrace.schemas.grades.Grade;
import io.scraptrace.schemas.topics.Topic;
import io.scraptrace.schemas.topics.Topics;
import io.scraptrace.sorter.grading.Grader;
import io.scraptrace.sorter.grading.Outcome;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.RetriableException;

/**
 * Turns one poll's records into the records to produce: frames are scored first (so readings of
 * the same poll can use them), then all readings are graded in one inference batch. Every reading
 * yields exactly one graded record or one dead letter; a frame yields a cache entry or a dead
 * letter. No Kafka I/O here, so it is tested without a broker.
 */
final class BatchProcessor {
    private final Topics topics;
    private final FrameCache frames;
    private Grader grader;

    BatchProcessor(Topics topics, Grader grader, FrameCache frames) {
        this.topics = topics;
        this.grader = grader;
        this.frames = frames;
    }

    /** Grade with {@code next} from now on; returns the grader it replaces. */
    Grader swap(Grader next) {
        Grader previous = grader;
        grader = next;
        return previous;
    }

    Grader grader() {
        return grader;
    }

    /**
     * What one batch produced.
     *
     * @param records     graded records and dead letters to send
     * @param graded      readings graded with a catalogue grade
     * @param uncertain   readings graded UNCERTAIN
     * @param fused       graded readings that used their frame
     * @param deadLetters records dead-lettered
     * @param frames      frames scored into the cache
     */
    record Output(List<ProducerRecord<String, byte[]>> records, int graded, int uncertain, int fused, int deadLetters,
                  int frames) {
    }

    Output process(Iterable<ConsumerRecord<String, byte[]>> batch, Instant now) {
        List<ProducerRecord<String, byte[]>> out = new ArrayList<>();
        List<ConsumerRecord<String, byte[]>> readingRecords = new ArrayList<>();
        List<Reading> readings = new ArrayList<>();
        List<ConsumerRecord<String, byte[]>> frameRecords = new ArrayList<>();
        List<Frame> frameValues = new ArrayList<>();
        int deadLetters = 0;
        for (ConsumerRecord<String, byte[]> record : batch) {
            boolean isFrame = record.topic().equals(topics.frames.name());
            Topic<String, ?> topic = isFrame ? topics.frames : topics.readings;
            try {
                if (record.value() == null) {
                    throw new IllegalArgumentException("record has no value");
                }
                Object value = topic.valueSerde().deserializer().deserialize(record.topic(), record.value());
                if (isFrame) {
                    frameRecords.add(record);
                    frameValues.add((Frame) value);
                } else {
                    readingRecords.add(record);
                    readings.add((Reading) value);
                }
            } catch (RetriableException e) {
                // The schema registry being unreachable says nothing about the record: the batch is graded again.
                throw e;
            } catch (RuntimeException e) {
                out.add(deadLetter(record, null, "cannot decode: " + e.getMessage(), now));
                deadLetters++;
            }
        }
        int scoredFrames = 0;
        if (grader.usesFrames() && !frameValues.isEmpty()) {
            List<Outcome<float[]>> scored = grader.scoreFrames(frameValues.stream().map(f -> bytes(f.getImage())).toList());
            for (int i = 0; i < scored.size(); i++) {
                Outcome<float[]> outcome = scored.get(i);
                if (outcome.ok()) {
                    frames.put(frameValues.get(i).getEventId(), outcome.value());
                    scoredFrames++;
                } else {
                    out.add(deadLetter(frameRecords.get(i), outcome.field(), outcome.reason(), now));
                    deadLetters++;
                }
            }
        }
        int graded = 0;
        int uncertain = 0;
        int fused = 0;
        List<Outcome<GradedReading>> outcomes = grader.grade(readings, frames::get, now);
        for (int i = 0; i < outcomes.size(); i++) {
            Outcome<GradedReading> outcome = outcomes.get(i);
            if (outcome.ok()) {
                GradedReading value = outcome.value();
                out.add(new ProducerRecord<>(topics.graded.name(), value.getLotId(),
                        topics.graded.valueSerde().serializer().serialize(topics.graded.name(), value)));
                if (Grade.UNCERTAIN.equals(value.getGrade())) {
                    uncertain++;
                } else {
                    graded++;
                }
                if (value.getFrameId() != null) {
                    fused++;
                }
            } else {
                out.add(deadLetter(readingRecords.get(i), outcome.field(), outcome.reason(), now));
                deadLetters++;
            }
        }
        return new Output(out, graded, uncertain, fused, deadLetters, scoredFrames);
    }

    private ProducerRecord<String, byte[]> deadLetter(ConsumerRecord<String, byte[]> record, String field, String reason,
                                                      Instant now) {
        DeadLetter letter = DeadLetters.of(record, field, reason, now);
        return new ProducerRecord<>(topics.deadLetter.name(), record.key(),
                topics.deadLetter.valueSerde().serializer().serialize(topics.deadLetter.name(), letter));
    }

    private static byte[] bytes(ByteBuffer buffer) {
        ByteBuffer copy = buffer.duplicate();
        byte[] bytes = new byte[copy.remaining()];
        copy.get(bytes);
        return bytes;
    }
}
