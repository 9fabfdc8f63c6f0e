package io.flowport.bpmn;

import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import io.camunda.zeebe.model.bpmn.impl.BpmnModelConstants;
import io.camunda.zeebe.model.bpmn.instance.Activity;
import io.camunda.zeebe.model.bpmn.instance.BaseElement;
import io.camunda.zeebe.model.bpmn.instance.BoundaryEvent;
import io.camunda.zeebe.model.bpmn.instance.ConditionExpression;
import io.camunda.zeebe.model.bpmn.instance.Definitions;
import io.camunda.zeebe.model.bpmn.instance.Documentation;
import io.camunda.zeebe.model.bpmn.instance.EndEvent;
import io.camunda.zeebe.model.bpmn.instance.Error;
import io.camunda.zeebe.model.bpmn.instance.ErrorEventDefinition;
import io.camunda.zeebe.model.bpmn.instance.EventBasedGateway;
import io.camunda.zeebe.model.bpmn.instance.ExclusiveGateway;
import io.camunda.zeebe.model.bpmn.instance.ExtensionElements;
import io.camunda.zeebe.model.bpmn.instance.FlowNode;
import io.camunda.zeebe.model.bpmn.instance.IntermediateCatchEvent;
import io.camunda.zeebe.model.bpmn.instance.IntermediateThrowEvent;
import io.camunda.zeebe.model.bpmn.instance.Message;
import io.camunda.zeebe.model.bpmn.instance.MessageEventDefinition;
import io.camunda.zeebe.model.bpmn.instance.MultiInstanceLoopCharacteristics;
import io.camunda.zeebe.model.bpmn.instance.ParallelGateway;
import io.camunda.zeebe.model.bpmn.instance.Process;
import io.camunda.zeebe.model.bpmn.instance.SequenceFlow;
import io.camunda.zeebe.model.bpmn.instance.ServiceTask;
import io.camunda.zeebe.model.bpmn.instance.StartEvent;
import io.camunda.zeebe.model.bpmn.instance.SubProcess;
import io.camunda.zeebe.model.bpmn.instance.TimeCycle;
import io.camunda.zeebe.model.bpmn.instance.TimeDate;
import io.camunda.zeebe.model.bpmn.instance.TimeDuration;
import io.camunda.zeebe.model.bpmn.instance.TimerEventDefinition;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeHeader;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeInput;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeIoMapping;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeLoopCharacteristics;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeOutput;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeProperties;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeProperty;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeSubscription;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeTaskDefinition;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeTaskHeaders;
import io.flowport.contract.ElementTemplates;
import io.flowport.contract.JobTypes;
import io.flowport.contract.Vars;
import io.flowport.ir.Call;
import io.flowport.ir.Names;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;

/**
 * Creates BPMN elements with the Zeebe extensions flowport uses, in a fixed order so that the
 * same workflow always gives byte-identical XML. Layout (DI) is added afterwards by {@link DiLayout}.
 */
final class BpmnWriter {

  static final String MODELER_NS = "http://camunda.org/schema/modeler/1.0";
  /** The zeebe:property that ties a generated element to its source state or task. */
  static final String SOURCE_PROPERTY = "source";

  /** The engine's time as an ISO 8601 instant (UTC), as the workers parse it. */
  static final String NOW = "=string(date and time(now(), \"Z\"))";
  /** On a further end of a Succeed or Fail state reached several ways: the id of the state's first end. */
  static final String COPY_OF_PROPERTY = "copy-of";

  final BpmnModelInstance model;
  final Definitions definitions;
  private final Set<String> ids = new HashSet<>();
  private final Map<String, Error> errors = new LinkedHashMap<>();
  private final Map<String, Message> messages = new LinkedHashMap<>();

  BpmnWriter() {
    model = Bpmn.createEmptyModel();
    definitions = model.newInstance(Definitions.class);
    definitions.setId("Definitions_1");
    definitions.setTargetNamespace("http://flowport.io/bpmn");
    definitions.setExporter("flowport");
    definitions.setExporterVersion("0.1.0");
    model.setDefinitions(definitions);
    definitions.getDomElement().registerNamespace("zeebe", BpmnModelConstants.ZEEBE_NS);
    definitions.getDomElement().registerNamespace("modeler", MODELER_NS);
    definitions.getDomElement().registerNamespace("bpmndi", BpmnModelConstants.BPMNDI_NS);
    definitions.getDomElement().registerNamespace("dc", BpmnModelConstants.DC_NS);
    definitions.getDomElement().registerNamespace("di", BpmnModelConstants.DI_NS);
    definitions.setAttributeValueNs(MODELER_NS, "executionPlatform", "Camunda Cloud");
    definitions.setAttributeValueNs(MODELER_NS, "executionPlatformVersion", "8.8.0");
  }

  Process process(String id, String name) {
    Process p = model.newInstance(Process.class, claim(id));
    p.setName(name);
    p.setExecutable(true);
    definitions.addChildElement(p);
    return p;
  }

  /** An unused NCName id derived from {@code base}. */
  String id(String base) {
    String id = Names.ncName(base);
    if (ids.add(id)) {
      return id;
    }
    for (int i = 2; ; i++) {
      if (ids.add(id + "_" + i)) {
        return id + "_" + i;
      }
    }
  }

  private String claim(String id) {
    if (!ids.add(id)) {
      throw new IllegalStateException("duplicate id " + id);
    }
    return id;
  }

  /**
   * Adds a flow element after the scope's other children. The model API's addChildElement finds the
   * schema position among all existing children each time, which is quadratic in a large scope;
   * flow elements come last in a process or subprocess, so appending is the same result.
   */
  static void append(ModelElementInstance scope, ModelElementInstance child) {
    scope.getDomElement().appendChild(child.getDomElement());
  }

  // Ids are given at creation: setId on an element re-scans the whole model for references to the
  // old id, which made converting a machine of 10,000 states take many minutes.
  <T extends FlowNode> T node(BaseElement scope, Class<T> type, String idBase, String name, String source) {
    T node = model.newInstance(type, id(idBase));
    if (name != null) {
      node.setName(name);
    }
    append(scope, node);
    if (source != null) {
      property(node, SOURCE_PROPERTY, source);
    }
    return node;
  }

  StartEvent start(BaseElement scope, String idBase, String name, String source) {
    return node(scope, StartEvent.class, idBase, name, source);
  }

  EndEvent end(BaseElement scope, String idBase, String name, String source) {
    return node(scope, EndEvent.class, idBase, name, source);
  }

  ExclusiveGateway xor(BaseElement scope, String idBase, String name, String source) {
    return node(scope, ExclusiveGateway.class, idBase, name, source);
  }

  EventBasedGateway eventGateway(BaseElement scope, String idBase, String name, String source) {
    return node(scope, EventBasedGateway.class, idBase, name, source);
  }

  ParallelGateway and(BaseElement scope, String idBase, String source) {
    return node(scope, ParallelGateway.class, idBase, null, source);
  }

  SubProcess subProcess(BaseElement scope, String idBase, String name, String source) {
    return node(scope, SubProcess.class, idBase, name, source);
  }

  /** A none intermediate throw event: used to set variables by output mappings without a job. */
  IntermediateThrowEvent mark(BaseElement scope, String idBase, String name, String source) {
    return node(scope, IntermediateThrowEvent.class, idBase, name, source);
  }

  ServiceTask task(BaseElement scope, String idBase, String name, String source, Call call) {
    ServiceTask t = node(scope, ServiceTask.class, idBase, name, source);
    ZeebeTaskDefinition def = model.newInstance(ZeebeTaskDefinition.class);
    def.setType(call.jobType());
    extensions(t).addChildElement(def);
    if (ElementTemplates.has(call.jobType())) {
      // As Modeler writes an applied template: it then shows the job type's form for the task.
      t.setAttributeValueNs(BpmnModelConstants.ZEEBE_NS, "modelerTemplate", ElementTemplates.id(call.jobType()));
      t.setAttributeValueNs(BpmnModelConstants.ZEEBE_NS, "modelerTemplateVersion", String.valueOf(ElementTemplates.VERSION));
    }
    call.inputs().forEach((target, source1) -> input(t, source1, target));
    if (call.jobType().equals(JobTypes.emr("RunJobFlow"))) {
      // When the task was entered, fixed for every delivery of its job: the create's lookup starts there.
      input(t, NOW, Vars.CREATE_START_TIME);
    }
    if (!call.headers().isEmpty()) {
      ZeebeTaskHeaders headers = model.newInstance(ZeebeTaskHeaders.class);
      extensions(t).addChildElement(headers);
      call.headers().forEach((k, v) -> {
        ZeebeHeader h = model.newInstance(ZeebeHeader.class);
        h.setKey(k);
        h.setValue(v);
        headers.addChildElement(h);
      });
    }
    return t;
  }

  /** Makes the activity multi-instance over a FEEL list, collecting an output per instance in order. */
  void multiInstance(Activity a, boolean sequential, String inputCollection, String inputElement,
      String outputCollection, String outputElement) {
    MultiInstanceLoopCharacteristics mi = model.newInstance(MultiInstanceLoopCharacteristics.class, id(a.getId() + "_loop"));
    mi.setSequential(sequential);
    ZeebeLoopCharacteristics z = model.newInstance(ZeebeLoopCharacteristics.class);
    z.setInputCollection(inputCollection);
    z.setInputElement(inputElement);
    z.setOutputCollection(outputCollection);
    z.setOutputElement(outputElement);
    extensions(mi).addChildElement(z);
    a.setLoopCharacteristics(mi);
  }

  IntermediateCatchEvent timer(BaseElement scope, String idBase, String name, String source, String durationExpr) {
    IntermediateCatchEvent e = node(scope, IntermediateCatchEvent.class, idBase, name, source);
    e.getEventDefinitions().add(timerDefinition(e.getId(), durationExpr, false));
    return e;
  }

  /** A timer catch event due at {@code dateExpr}, an ISO 8601 date and time (or a FEEL expression giving one). */
  IntermediateCatchEvent timerAt(BaseElement scope, String idBase, String name, String source, String dateExpr) {
    IntermediateCatchEvent e = node(scope, IntermediateCatchEvent.class, idBase, name, source);
    TimerEventDefinition def = model.newInstance(TimerEventDefinition.class, id(e.getId() + "_timer"));
    TimeDate d = model.newInstance(TimeDate.class, id(e.getId() + "_date"));
    d.setTextContent(dateExpr);
    def.setTimeDate(d);
    e.getEventDefinitions().add(def);
    return e;
  }

  /** A message intermediate catch event; {@code correlationKey} is a FEEL expression. */
  IntermediateCatchEvent messageCatch(BaseElement scope, String idBase, String name, String source, String messageName,
      String correlationKey) {
    IntermediateCatchEvent e = node(scope, IntermediateCatchEvent.class, idBase, name, source);
    MessageEventDefinition def = model.newInstance(MessageEventDefinition.class, id(e.getId() + "_message"));
    def.setMessage(message(messageName, correlationKey));
    e.getEventDefinitions().add(def);
    return e;
  }

  private Message message(String name, String correlationKey) {
    return messages.computeIfAbsent(name + "\n" + correlationKey, k -> {
      Message m = model.newInstance(Message.class, id("Message_" + name));
      m.setName(name);
      ZeebeSubscription sub = model.newInstance(ZeebeSubscription.class);
      sub.setCorrelationKey(correlationKey);
      extensions(m).addChildElement(sub);
      // Root elements go before the process, where Modeler puts them.
      definitions.getDomElement().insertChildElementAfter(m.getDomElement(), null);
      return m;
    });
  }

  StartEvent timerStart(BaseElement scope, String idBase, String name, String cycle) {
    StartEvent e = start(scope, idBase, name, null);
    e.getEventDefinitions().add(timerDefinition(e.getId(), cycle, true));
    return e;
  }

  // Definitions and expressions get ids derived from their element: the model API would give them
  // random ones, and the same input must always give byte-identical BPMN.
  private TimerEventDefinition timerDefinition(String owner, String expr, boolean cycle) {
    TimerEventDefinition def = model.newInstance(TimerEventDefinition.class, id(owner + "_timer"));
    if (cycle) {
      TimeCycle c = model.newInstance(TimeCycle.class, id(owner + "_cycle"));
      c.setTextContent(expr);
      def.setTimeCycle(c);
    } else {
      TimeDuration d = model.newInstance(TimeDuration.class, id(owner + "_duration"));
      d.setTextContent(expr);
      def.setTimeDuration(d);
    }
    return def;
  }

  BoundaryEvent timerBoundary(BaseElement scope, Activity host, String idBase, String name, String durationExpr) {
    BoundaryEvent b = boundary(scope, host, idBase, name);
    b.getEventDefinitions().add(timerDefinition(b.getId(), durationExpr, false));
    return b;
  }

  /** An interrupting boundary event catching every BPMN error. */
  BoundaryEvent errorBoundary(BaseElement scope, Activity host, String idBase, String name) {
    BoundaryEvent b = boundary(scope, host, idBase, name);
    ErrorEventDefinition def = model.newInstance(ErrorEventDefinition.class, id(b.getId() + "_error"));
    b.getEventDefinitions().add(def);
    return b;
  }

  /** An interrupting message boundary event; {@code correlationKey} is a FEEL expression. */
  BoundaryEvent messageBoundary(BaseElement scope, Activity host, String idBase, String name, String messageName,
      String correlationKey) {
    BoundaryEvent b = boundary(scope, host, idBase, name);
    MessageEventDefinition def = model.newInstance(MessageEventDefinition.class, id(b.getId() + "_message"));
    def.setMessage(message(messageName, correlationKey));
    b.getEventDefinitions().add(def);
    return b;
  }

  /** An error boundary that catches only the BPMN error with this code. */
  BoundaryEvent errorBoundary(BaseElement scope, Activity host, String idBase, String name, String code) {
    BoundaryEvent b = errorBoundary(scope, host, idBase, name);
    ((ErrorEventDefinition) b.getEventDefinitions().iterator().next()).setError(error(code));
    return b;
  }

  private BoundaryEvent boundary(BaseElement scope, Activity host, String idBase, String name) {
    BoundaryEvent b = model.newInstance(BoundaryEvent.class, id(idBase));
    b.setName(name);
    b.setAttachedTo(host);
    b.setCancelActivity(true);
    append(scope, b);
    return b;
  }

  /** An end event that throws the BPMN error with this code. */
  EndEvent errorEnd(BaseElement scope, String idBase, String name, String source, String code) {
    EndEvent e = end(scope, idBase, name, source);
    ErrorEventDefinition def = model.newInstance(ErrorEventDefinition.class, id(e.getId() + "_error"));
    def.setError(error(code));
    e.getEventDefinitions().add(def);
    return e;
  }

  private Error error(String code) {
    return errors.computeIfAbsent(code, c -> {
      // An expression code (a Fail state's ErrorPath) gets a plain id.
      Error err = model.newInstance(Error.class, id("Error_" + (c.startsWith("=") ? "computed" : c)));
      err.setName(c.startsWith("=") ? "Computed error" : c);
      err.setErrorCode(c);
      // Root elements go before the process, where Modeler puts them.
      definitions.getDomElement().insertChildElementAfter(err.getDomElement(), null);
      return err;
    });
  }

  SequenceFlow flow(BaseElement scope, FlowNode from, FlowNode to, String condition) {
    SequenceFlow f = model.newInstance(SequenceFlow.class, id("Flow_" + from.getId() + "_" + to.getId()));
    append(scope, f);
    f.setSource(from);
    f.setTarget(to);
    from.getOutgoing().add(f);
    to.getIncoming().add(f);
    if (condition != null) {
      ConditionExpression c = model.newInstance(ConditionExpression.class, id(f.getId() + "_condition"));
      c.setTextContent(condition);
      f.setConditionExpression(c);
    }
    return f;
  }

  SequenceFlow defaultFlow(BaseElement scope, ExclusiveGateway from, FlowNode to) {
    SequenceFlow f = flow(scope, from, to, null);
    from.setDefault(f);
    return f;
  }

  void documentation(BaseElement element, String text) {
    if (text == null || text.isBlank()) {
      return;
    }
    Documentation d = model.newInstance(Documentation.class, id(element.getAttributeValue("id") + "_documentation"));
    d.setTextContent(text);
    element.getDomElement().insertChildElementAfter(d.getDomElement(), null);
  }

  void property(BaseElement element, String name, String value) {
    ExtensionElements ext = extensions(element);
    ZeebeProperties props = ext.getChildElementsByType(ZeebeProperties.class).stream().findFirst().orElseGet(() -> {
      ZeebeProperties p = model.newInstance(ZeebeProperties.class);
      ext.addChildElement(p);
      return p;
    });
    ZeebeProperty p = model.newInstance(ZeebeProperty.class);
    p.setName(name);
    p.setValue(value);
    props.addChildElement(p);
  }

  void input(BaseElement element, String source, String target) {
    ZeebeInput in = model.newInstance(ZeebeInput.class);
    in.setSource(source);
    in.setTarget(target);
    ioMapping(element).addChildElement(in);
  }

  void output(BaseElement element, String source, String target) {
    ZeebeOutput out = model.newInstance(ZeebeOutput.class);
    out.setSource(source);
    out.setTarget(target);
    ioMapping(element).addChildElement(out);
  }

  private ZeebeIoMapping ioMapping(BaseElement element) {
    ExtensionElements ext = extensions(element);
    return ext.getChildElementsByType(ZeebeIoMapping.class).stream().findFirst().orElseGet(() -> {
      ZeebeIoMapping m = model.newInstance(ZeebeIoMapping.class);
      ext.addChildElement(m);
      return m;
    });
  }

  private ExtensionElements extensions(BaseElement element) {
    ExtensionElements ext = element.getExtensionElements();
    if (ext == null) {
      ext = model.newInstance(ExtensionElements.class);
      element.setExtensionElements(ext);
    }
    return ext;
  }

  String xml() {
    return Bpmn.convertToString(model);
  }
}
