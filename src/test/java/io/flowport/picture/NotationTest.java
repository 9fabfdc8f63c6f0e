package io.flowport.picture;

import static org.assertj.core.api.Assertions.assertThat;

import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The marks that tell BPMN elements apart: event rings and icons, gateway markers, task icons, flow markers. */
class NotationTest {

  /** A process with an element of most kinds; the model builder lays it out (DI included). */
  static BpmnModelInstance kinds() {
    return Bpmn.createExecutableProcess("kinds")
        .startEvent("msgStart").name("Order received").message("order")
        .userTask("user").name("Review")
        .boundaryEvent("reminder").cancelActivity(false).timerWithDuration("PT1H").endEvent("escalate").escalation("late")
        .moveToActivity("user")
        .serviceTask("service", t -> t.zeebeJobType("x")).multiInstance(m -> m.parallel().zeebeInputCollectionExpression("=a"))
        .inclusiveGateway("or")
        .intermediateThrowEvent("signal").signal("sig")
        .parallelGateway("and")
        .callActivity("call", c -> c.zeebeProcessId("other")).multiInstance(m -> m.sequential().zeebeInputCollectionExpression("=a"))
        .endEvent("terminate").terminate()
        .moveToNode("or").endEvent("error").error("E1")
        .done();
  }

  static List<Mark> marks(Picture p, String id) {
    return p.figures().stream().filter(f -> f.id().equals(id)).findFirst().orElseThrow().marks();
  }

  static long count(List<Mark> marks, Class<? extends Mark> type) {
    return marks.stream().filter(type::isInstance).count();
  }

  @Test
  void eventsHaveTheirRingsAndIcons() {
    Picture p = Pictures.of(kinds(), null);

    Mark.Circle start = (Mark.Circle) marks(p, "msgStart").get(0);
    Mark.Circle end = (Mark.Circle) marks(p, "terminate").get(0);
    assertThat(start.style().width()).as("start: thin").isEqualTo(2);
    assertThat(end.style().width()).as("end: thick").isEqualTo(4);
    // Intermediate and boundary events: two rings; a non-interrupting boundary's are dashed.
    assertThat(count(marks(p, "signal"), Mark.Circle.class)).isEqualTo(2);
    assertThat(marks(p, "reminder").subList(0, 2)).allSatisfy(m -> assertThat(((Mark.Circle) m).style().dash()).isNotNull());
    // Icons: an envelope, a clock (a face, 12 ticks, hands), a filled triangle, a filled dot, a filled zig-zag.
    assertThat(count(marks(p, "msgStart"), Mark.Box.class)).isEqualTo(1);
    assertThat(count(marks(p, "reminder"), Mark.Path.class)).isEqualTo(13);
    assertThat(marks(p, "signal").get(2)).isInstanceOfSatisfying(Mark.Path.class,
        t -> assertThat(t.style().fill()).isEqualTo(Ink.LINE));
    assertThat(marks(p, "terminate").get(1)).isInstanceOfSatisfying(Mark.Circle.class,
        c -> assertThat(c.style().fill()).isEqualTo(Ink.LINE));
    assertThat(marks(p, "error").get(1)).isInstanceOfSatisfying(Mark.Path.class,
        z -> assertThat(z.segments()).hasSize(7));
  }

  @Test
  void gatewaysAndActivitiesHaveTheirMarkers() {
    Picture p = Pictures.of(kinds(), null);

    assertThat(count(marks(p, "and"), Mark.Path.class)).as("diamond and a plus of two lines").isEqualTo(3);
    assertThat(count(marks(p, "or"), Mark.Circle.class)).as("inclusive: a circle").isEqualTo(1);
    assertThat(((Mark.Box) marks(p, "call").get(0)).style().width()).as("call activity: thick border").isEqualTo(5);
    // Multi-instance: three bars, upright when parallel, lying when sequential.
    List<Mark.Box> parallel = bars(marks(p, "service"));
    List<Mark.Box> sequential = bars(marks(p, "call"));
    assertThat(parallel).hasSize(3).allSatisfy(b -> assertThat(b.h()).isGreaterThan(b.w()));
    assertThat(sequential).hasSize(3).allSatisfy(b -> assertThat(b.w()).isGreaterThan(b.h()));
    // A service task's gear: a toothed wheel (32 corners) with a hole.
    assertThat(marks(p, "service").get(1)).isInstanceOfSatisfying(Mark.Path.class, g -> assertThat(g.segments()).hasSize(33));
  }

  @Test
  void flowsHaveArrowheadsAndDefaultsASlash() {
    Picture p = Pictures.read(Path.of("bpmn/emr_job_fixed.bpmn"));
    // Done? (a gateway) goes on by default when the cluster is not ready yet.
    List<Mark> byDefault = marks(p, "Flow_StartEMRJob_done_StartEMRJob_wait");
    List<Mark> other = marks(p, "Flow_StartEMRJob_done_StartEMRJob_end");

    assertThat(count(byDefault, Mark.Path.class)).as("line, arrowhead, slash").isEqualTo(3);
    assertThat(count(other, Mark.Path.class)).as("line, arrowhead").isEqualTo(2);
    Mark.Path arrow = (Mark.Path) other.get(1);
    assertThat(arrow.style().fill()).isEqualTo(Ink.LINE);
    assertThat(arrow.segments()).hasSize(4);
  }

  @Test
  void aModelerStyleDiagramWithAPoolAndACollapsedSubprocessIsDrawn() {
    Picture p = Pictures.read(Path.of("src/test/resources/picture/modeler-style.bpmn"));
    SvgDocument svg = SvgDocument.parse(SvgWriter.svg(p));

    assertThat(svg.ids()).containsExactly("pool", "start", "sub", "gw", "end", "note", "f1", "f2", "f3", "a");
    // The collapsed subprocess shows the boxed plus; its inside is not on this plane.
    assertThat(marks(p, "sub")).anySatisfy(m -> assertThat(m).isInstanceOfSatisfying(Mark.Box.class,
        b -> assertThat(b.w()).isEqualTo(14)));
    assertThat(SvgDocument.lines(svg.group("pool"))).containsExactly("Orders");
    assertThat(SvgDocument.lines(svg.group("note"))).containsExactly("Collapsed subprocesses", "are drawn with a plus");
  }

  private static List<Mark.Box> bars(List<Mark> marks) {
    return marks.stream().filter(Mark.Box.class::isInstance).map(Mark.Box.class::cast)
        .filter(b -> b.style().fill() == Ink.LINE && b.style().stroke() == Ink.NONE).toList();
  }
}
